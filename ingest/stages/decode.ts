import iconv from 'iconv-lite';

/** A decoded file, or the reason it could not be decoded. */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of replacement or control characters above which a decoding is taken as wrong. */
const MAX_BAD_SHARE = 0.01;

function badShare(text: string): number {
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what this counts
  const bad = text.match(/[\ufffd\u0000-\u0008\u000e-\u001f]/gu)?.length ?? 0;
  return text.length ? bad / text.length : 0;
}

/**
 * Decode a text file's bytes: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8; otherwise
 * GB18030 (a superset of GBK and GB2312, what Chinese Windows tools save). Binary content (NUL
 * bytes) and text that decodes to garbage in every encoding are refused with a reason.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(utf8.decode(bytes.subarray(3)), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, reason: 'binary content (NUL bytes): not a text file' };
  try {
    return finish(utf8.decode(bytes), 'utf-8');
  } catch {
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    if (badShare(text) > MAX_BAD_SHARE || !/\p{Script=Han}/u.test(text)) {
      return { ok: false, reason: 'not decodable: neither UTF-8 nor GBK/GB18030 text' };
    }
    return finish(text, 'gb18030');
  }
}

function finish(text: string, encoding: string): Decoded {
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  if (badShare(text) > MAX_BAD_SHARE) return { ok: false, reason: `not text: too many control characters as ${encoding}` };
  return { ok: true, text, encoding };
}

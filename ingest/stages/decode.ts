import iconv from 'iconv-lite';
import { detect } from 'jschardet';
import type { Removal } from './clean/types';

/**
 * A decoded file, or the reason it could not be decoded. `removals` says what decoding replaced
 * (`decode_replaced`: bytes that were no character) or dropped (`control_chars`), for the cleaning log.
 */
export type Decoded = { ok: true; text: string; encoding: string; removals: Removal[] } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * A file may keep its good text with bad bytes replaced (U+FFFD) while the replacements are at most
 * this share of its characters, or at most {@link MAX_REPLACED_ANYWAY}; past that it is skipped.
 */
export const MAX_REPLACED_SHARE = 0.01;
/** Replacements always tolerated, whatever the file's length (a cut last character, a stray byte). */
export const MAX_REPLACED_ANYWAY = 3;

/** Control characters that are never text: C0 except tab and line ends, DEL, C1. */
// oxlint-disable-next-line no-control-regex -- control characters are exactly what this matches
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** Share of control characters above which a decoding is taken as wrong (binary, or the wrong encoding). */
const MAX_CONTROL_SHARE = 0.01;

/** Remove control characters (tab, line feed and carriage return stay); how many went. */
export function stripControls(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(CONTROL, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** Where each byte order's NUL bytes fall in the head: UTF-16 text has them on one side only. */
function utf16Order(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  const n = head.length - (head.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  // U+xx00 characters (一 is U+4E00) put a NUL on the other side now and then
  const order = odd > 4 * even + 1 ? 'utf-16le' : even > 4 * odd + 1 ? 'utf-16be' : null;
  return order && plausibleText(new TextDecoder(order).decode(head.subarray(0, n))) ? order : null;
}

/** Text that reads as Chinese or Latin prose: almost only Han, Latin, digits, punctuation and spaces. */
function plausibleText(text: string): boolean {
  const ok = count(text, /[\p{Script=Han}\p{L}\p{N}\p{P}\p{Zs}\s\u3000-\u303f\uff00-\uffef]/gu);
  return text.length > 0 && ok >= text.length * 0.9;
}

/** Bytes jschardet reads: enough Chinese text to tell Big5 from GBK, a fraction of its cost on a whole file. */
const DETECT_BYTES = 4096;

/** The encoding of bytes that are not UTF-8, by jschardet (on the first {@link DETECT_BYTES}), as iconv-lite names it, with its confidence. */
export function detectLegacy(bytes: Uint8Array): { encoding: 'big5' | 'gb18030' | 'utf-16le' | 'utf-16be'; confidence: number } {
  // only the encodings a Chinese document comes in (and windows-1252, so that jschardet always answers):
  // its other probers cost four times these
  const guess = detect(Buffer.from(bytes.subarray(0, DETECT_BYTES)), { detectEncodings: ['GB18030', 'Big5', 'UTF-16LE', 'UTF-16BE', 'windows-1252'] });
  const name = guess.encoding?.toLowerCase().replace(/-(?=[lb]e$)/u, '') ?? '';
  const confidence = guess.confidence ?? 0;
  if (name === 'big5' || name === 'utf-16le' || name === 'utf-16be') return { encoding: name, confidence };
  return { encoding: 'gb18030', confidence: name === 'gb18030' || name === 'gb2312' ? confidence : 0 };
}

/**
 * Bytes that can only be GB2312 text (a subset of GB18030): every non-ASCII byte pairs into a lead
 * 0xA1–0xF7 and a trail 0xA1–0xFE. Big5 puts about four in ten trail bytes below 0x7F, so a line of
 * Big5 text almost never passes; a GB file then needs no detector (jschardet costs about 6 ms a file).
 */
function gb2312Shaped(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    if (lead < 0xa1 || lead > 0xf7 || trail < 0xa1 || trail > 0xfe) return false;
    i++;
  }
  return true;
}

/** The lines of a byte buffer, split at LF (CR stays with its line, as in the whole-file decoders). */
function byteLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    if (end < 0) break;
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/**
 * Decode bytes that are not valid UTF-8 line by line. A line that is valid UTF-8 is UTF-8; a line that
 * is mostly UTF-8 (at least four good characters per bad sequence) is damaged UTF-8, its bad bytes
 * replaced by U+FFFD; any other line is in the legacy encoding jschardet names for those lines (Big5,
 * else GB18030). So a GBK file, a Big5 file, a UTF-8 file with a cut character and a UTF-8 file with
 * GBK lines pasted in all come out right.
 */
function decodeByLine(bytes: Uint8Array): { text: string; encoding: string } {
  // a file that reads as legacy throughout (twenty bad sequences to one good character) needs no line-by-line look
  const whole = utf8Lenient.decode(bytes);
  // oxlint-disable-next-line no-control-regex -- the ASCII range, NUL included
  if (count(whole, /[^\u0000-\u007f\ufffd]/gu) * 20 < count(whole, /\ufffd/gu)) {
    const name = gb2312Shaped(bytes) ? 'gb18030' : detectLegacy(bytes).encoding;
    const legacy = name.startsWith('utf-16') ? 'gb18030' : name;
    return { text: iconv.decode(Buffer.from(bytes), legacy), encoding: legacy };
  }
  const lines = byteLines(bytes);
  const kinds = lines.map((line) => {
    const lenient = utf8Lenient.decode(line);
    const bad = count(lenient, /\ufffd/gu);
    // oxlint-disable-next-line no-control-regex -- the ASCII range, NUL included
    const good = count(lenient, /[^\u0000-\u007f\ufffd]/gu);
    return bad === 0 ? (good ? 'utf8' : 'ascii') : good >= 4 * bad ? 'damaged' : 'legacy';
  });
  const legacyBytes = lines.filter((_, i) => kinds[i] === 'legacy');
  const { encoding: legacy } =
    legacyBytes.length && !legacyBytes.every(gb2312Shaped)
      ? detectLegacy(Buffer.concat(legacyBytes.map((l) => Buffer.concat([l, Buffer.from('\n')]))))
      : { encoding: 'gb18030' };
  const name = legacy.startsWith('utf-16') ? 'gb18030' : legacy;
  const utf8Lines = kinds.some((k) => k === 'utf8' || k === 'damaged');
  // a file wholly in the legacy encoding (the usual case) is decoded in one go
  const text = utf8Lines
    ? lines.map((line, i) => (kinds[i] === 'legacy' ? iconv.decode(Buffer.from(line), name) : utf8Lenient.decode(line))).join('\n')
    : iconv.decode(Buffer.from(bytes), name);
  const encoding = legacyBytes.length === 0 ? 'utf-8' : utf8Lines ? `utf-8+${name}` : name;
  return { text, encoding };
}

/**
 * Decode a text file's bytes: a BOM decides (UTF-8, UTF-16); NUL bytes on one side only mean UTF-16
 * without a BOM; otherwise strict UTF-8; otherwise line by line (see {@link decodeByLine}): UTF-8,
 * damaged UTF-8 with its bad bytes replaced, or the legacy encoding jschardet names (Big5) or GB18030
 * (a superset of GBK and GB2312, what Chinese Windows tools save). Control characters are removed and counted. Binary content and
 * text with too many bad bytes are refused with a reason that gives the count.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(utf8Lenient.decode(bytes.subarray(3)), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    const order = utf16Order(head);
    if (!order) return { ok: false, reason: 'binary content (NUL bytes): not a text file' };
    return finish(new TextDecoder(order).decode(bytes), `${order} (no BOM)`);
  }
  try {
    return finish(utf8.decode(bytes), 'utf-8');
  } catch {
    const { text, encoding } = decodeByLine(bytes);
    if (encoding !== 'utf-8' && !/\p{Script=Han}/u.test(text)) return { ok: false, reason: 'not decodable: neither UTF-8 nor GBK/GB18030 nor Big5 text' };
    return finish(text, encoding);
  }
}

/**
 * The checks every decoded text goes through (also a page decoded by its declared charset): replaced
 * bytes counted (refused past the threshold), control characters removed, whitespace-only refused.
 */
export function finish(decoded: string, encoding: string): Decoded {
  const replaced = count(decoded, /\ufffd/gu);
  const chars = decoded.length;
  if (replaced > MAX_REPLACED_ANYWAY && replaced > chars * MAX_REPLACED_SHARE) {
    return { ok: false, reason: `not decodable as ${encoding}: ${replaced} of ${chars} characters are bad bytes (limit ${MAX_REPLACED_SHARE * 100}%)` };
  }
  const { text, removed } = stripControls(decoded);
  if (removed > chars * MAX_CONTROL_SHARE && removed > MAX_REPLACED_ANYWAY) {
    return { ok: false, reason: `not text: ${removed} control characters as ${encoding}` };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  const removals: Removal[] = [];
  if (replaced)
    removals.push({ rule: 'decode_replaced', chars: replaced, sample: `${replaced} bad byte sequence(s) as ${encoding} replaced by U+FFFD`, lineNo: null });
  if (removed) removals.push({ rule: 'control_chars', chars: removed, sample: `${removed} control character(s) removed`, lineNo: null });
  return { ok: true, text, encoding, removals };
}

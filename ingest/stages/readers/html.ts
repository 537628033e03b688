import iconv from 'iconv-lite';
import { decodeText, detectLegacy, finish, stripControls, type Decoded } from '../decode';
import type { Removal } from '../clean/types';
import type { ReadResult } from '../read';
import { decodeEntities } from './xml-text';

const BLOCK = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|blockquote|pre|hr|dd|dt)\b[^>]*>/giu;

/** The charset a page declares in a `<meta>` tag, if any. */
export function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Declared charsets of the two Chinese legacy families, by the family the detector names. */
const CHINESE_FAMILY: Record<string, 'gb18030' | 'big5'> = {
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  cp950: 'big5',
  'x-x-big5': 'big5',
};

/**
 * The page's characters: a BOM or a valid UTF-8 body wins over the `<meta>` (pages re-saved as UTF-8
 * keep their old `charset=gbk`, and a UTF-16 claim on an ASCII-compatible body is false); otherwise
 * the declared charset when it decodes cleanly; otherwise detected like a .txt.
 */
function decodePage(bytes: Uint8Array): Decoded {
  const charset = declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom || !charset || charset === 'utf-8' || charset === 'utf8' || !iconv.encodingExists(charset)) return decodeText(bytes);
  try {
    return finish(utf8.decode(bytes), 'utf-8');
  } catch {
    // not UTF-8: the declared charset, unless it is a UTF-16 claim on a body without NUL bytes
  }
  if (/^utf-?16/u.test(charset) && !bytes.subarray(0, 8192).includes(0)) return decodeText(bytes);
  // a page saved in Big5 that says GBK, or the other way round: the detector, when it is sure, wins
  const family = CHINESE_FAMILY[charset];
  if (family) {
    // on the text alone: jschardet takes the page's own <meta> as a hint
    const bare = Buffer.from(
      Buffer.from(bytes)
        .toString('latin1')
        .replace(/<[^>]*>/gu, ' '),
      'latin1',
    );
    const detected = detectLegacy(bare);
    if (detected.confidence >= 0.6 && detected.encoding !== family && (detected.encoding === 'big5' || detected.encoding === 'gb18030')) {
      return finish(iconv.decode(Buffer.from(bytes), detected.encoding), `${detected.encoding} (meta said ${charset})`);
    }
  }
  const declared = finish(iconv.decode(Buffer.from(bytes), charset), charset);
  return declared.ok ? declared : decodeText(bytes);
}

/**
 * A page's own chrome, by its markup: navigation, sidebars, footers, forms, buttons and frames
 * (`<nav>`, `<aside>`, `<footer>`, `<form>`, `<button>`, `<select>`, `<iframe>`). An element that
 * holds a heading or most of the page's text is kept: it is the document, whatever its tag. One
 * `html_chrome` log entry per element kind says how much went.
 */
export function dropChromeElements(html: string): { html: string; removals: Removal[] } {
  const textOf = (h: string): string => h.replace(/<[^>]+>/gu, '').replace(/\s+/gu, '');
  const total = textOf(html).length;
  const removed = new Map<string, { chars: number; sample: string }>();
  const strip = (fragment: string): string =>
    fragment.replace(
      /(<(nav|aside|footer|form|button|select|iframe)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/giu,
      (m, open: string, tag: string, inner: string, close: string) => {
        const text = textOf(m);
        // the document itself, whatever its tag (ASP.NET pages wrap the whole body in a <form>): look inside
        if (/<h[1-3]\b/iu.test(m) || text.length > total / 2) return `${open}${strip(inner)}${close}`;
        const kind = tag.toLowerCase();
        const r = removed.get(kind) ?? { chars: 0, sample: '' };
        removed.set(kind, { chars: r.chars + text.length, sample: r.sample || text.slice(0, 80) });
        return '\n';
      },
    );
  const out = strip(html);
  const removals: Removal[] = [...removed].map(([kind, r]) => ({ rule: 'html_chrome', chars: r.chars, sample: `<${kind}>: ${r.sample}`, lineNo: null }));
  return { html: out, removals };
}

/**
 * Text of a saved web page: decoded as {@link decodePage} says (GBK pages are common); scripts,
 * styles, comments and the `<head>` dropped; block elements become line breaks; character references
 * decoded, and control characters they produce (`&#1;`) removed and counted; the page's navigation,
 * sidebars and footers dropped by their markup ({@link dropChromeElements}). Chrome left in the body's
 * text (推荐访问 lines, a site's slogan) is the cleaning rules' and the collection's job.
 */
export function readHtml(bytes: Uint8Array): ReadResult {
  const decoded = decodePage(bytes);
  if (!decoded.ok) return decoded;
  const { text: source, encoding } = decoded;
  const chrome = dropChromeElements(source.replace(/<!--[\s\S]*?-->/gu, '').replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/giu, ''));
  const stripped = stripControls(decodeEntities(chrome.html.replace(BLOCK, '\n').replace(/<[^>]+>/gu, '')));
  const text = stripped.text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/gu, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const removals = [...decoded.removals, ...chrome.removals];
  if (stripped.removed)
    removals.push({
      rule: 'control_chars',
      chars: stripped.removed,
      sample: `${stripped.removed} control character(s) from character references removed`,
      lineNo: null,
    });
  return text ? { ok: true, text, encoding: `html/${encoding}`, removals } : { ok: false, reason: 'no text in the page body' };
}

import iconv from 'iconv-lite';
import { decodeText } from '../decode';
import type { ReadResult } from '../read';
import { decodeEntities } from './xml-text';

const BLOCK = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|blockquote|pre|hr|dd|dt)\b[^>]*>/giu;

/** The charset a page declares in a `<meta>` tag, if any. */
export function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Text of a saved web page: decoded by its declared charset (GBK pages are common), else detected
 * like a .txt; scripts, styles, comments and the `<head>` dropped; block elements become line breaks.
 * Site wrappers left in the body (footers, 推荐访问) are the cleaning rules' job.
 */
export function readHtml(bytes: Uint8Array): ReadResult {
  const charset = declaredCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
  let source: string;
  let encoding: string;
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && iconv.encodingExists(charset)) {
    source = iconv.decode(Buffer.from(bytes), charset);
    encoding = charset;
  } else {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    source = decoded.text;
    encoding = decoded.encoding;
  }
  const text = decodeEntities(
    source
      .replace(/<!--[\s\S]*?-->/gu, '')
      .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/giu, '')
      .replace(BLOCK, '\n')
      .replace(/<[^>]+>/gu, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/gu, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text ? { ok: true, text, encoding: `html/${encoding}` } : { ok: false, reason: 'no text in the page body' };
}

import { unzipSync } from 'fflate';
import type { ReadResult } from '../read';
import { decodeEntities } from './xml-text';

/** The pieces of a paragraph that carry text: runs of text, tabs and line breaks, in order. */
const RUN_PARTS = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>/gu;

/**
 * Text of a Word .docx file: the paragraphs of `word/document.xml`, one per line, with tabs and
 * line breaks kept. Tables come out one cell paragraph per line. Old binary .doc files are refused.
 */
export function readDocx(bytes: Uint8Array): ReadResult {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: 'not a .docx (zip) file: an old binary .doc? save it as .docx or .txt' };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch (err) {
    return { ok: false, reason: `damaged .docx: ${(err as Error).message}` };
  }
  const xml = files['word/document.xml'];
  if (!xml) return { ok: false, reason: 'damaged .docx: no word/document.xml inside' };
  const doc = new TextDecoder('utf-8').decode(xml);
  const paragraphs = doc.split(/<\/w:p>/u).map((p) =>
    Array.from(p.matchAll(RUN_PARTS), (m) => (m[1] !== undefined ? decodeEntities(m[1]) : m[0].startsWith('<w:tab') ? '\t' : '\n')).join(''),
  );
  const text = paragraphs.join('\n').replace(/\n{3,}/gu, '\n\n').trim();
  return text ? { ok: true, text, encoding: 'docx' } : { ok: false, reason: 'empty .docx: no text in the document' };
}

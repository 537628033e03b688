import { Unzip, UnzipInflate } from 'fflate';
import type { ReadResult } from '../read';
import { decodeEntities } from './xml-text';

/** The pieces of a paragraph that carry text: runs of text, tabs and line breaks, in order. */
const RUN_PARTS = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>/gu;

/** `word/document.xml` larger than this once decompressed is refused (a zip bomb stops here). */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

/**
 * The decompressed `word/document.xml` of a zip, inflated in chunks and abandoned as soon as it
 * passes `limit` bytes (the sizes a zip declares can lie). A string is a reason to refuse the file.
 */
export function documentXml(bytes: Uint8Array, limit = MAX_DOCX_XML_BYTES): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let problem: string | null = null;
  let found = false;
  const unzip = new Unzip((file) => {
    if (file.name !== 'word/document.xml') return;
    found = true;
    file.ondata = (err, chunk) => {
      if (problem) return;
      if (err) {
        problem = `damaged .docx: ${err.message}`;
        return;
      }
      size += chunk.length;
      if (size > limit) {
        problem = `.docx text larger than ${limit} bytes once decompressed (a zip bomb?)`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !problem; at += 65_536) unzip.push(bytes.subarray(at, at + 65_536), at + 65_536 >= bytes.length);
  } catch (err) {
    return `damaged .docx: ${(err as Error).message}`;
  }
  if (problem) return problem;
  if (!found) return 'damaged .docx: no word/document.xml inside';
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Text of a Word .docx file: the paragraphs of `word/document.xml`, one per line, with tabs and
 * line breaks kept. Tables come out one cell paragraph per line. Old binary .doc files are refused, and so
 * is a document whose XML passes {@link MAX_DOCX_XML_BYTES} once decompressed.
 */
export function readDocx(bytes: Uint8Array): ReadResult {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: 'not a .docx (zip) file: an old binary .doc? save it as .docx or .txt' };
  const xml = documentXml(bytes);
  if (typeof xml === 'string') return { ok: false, reason: xml };
  const doc = new TextDecoder('utf-8').decode(xml);
  const paragraphs = doc
    .split(/<\/w:p>/u)
    .map((p) => Array.from(p.matchAll(RUN_PARTS), (m) => (m[1] !== undefined ? decodeEntities(m[1]) : m[0].startsWith('<w:tab') ? '\t' : '\n')).join(''));
  const text = paragraphs
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
  return text ? { ok: true, text, encoding: 'docx' } : { ok: false, reason: 'empty .docx: no text in the document' };
}

/**
 * The text layer of a PDF, through pdfjs-dist (the legacy build, the one that runs in Node 20) with
 * script evaluation off and no fonts, images or network. Scanned (image-only) and password-protected
 * files are refused with that reason: this reader does no OCR.
 */
import type { Removal } from '../clean/types';
import { stripControls } from '../decode';
import type { ReadResult } from '../read';

/** Pages read at most; the rest of a longer file is left out and logged. */
export const MAX_PDF_PAGES = 2000;
/** Characters of text read at most, over all pages (a decompression bomb stops here). */
export const MAX_PDF_CHARS = 20_000_000;
/** Fewer visible characters per page than this, on average, is a scan without a text layer. */
const MIN_CHARS_PER_PAGE = 5;

/** A line that is only a page number as PDF footers print it: `3`, `- 3 -`, `第3页`, `第 3 页 共 10 页`, `3/10`. */
const PAGE_NUMBER =
  /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$/iu;
/** A line that ends a sentence or a heading: the page break after it is a real paragraph break. */
const ENDS_SENTENCE = /[。！？!?；;：:…”」』）)]$/u;

interface TextItem {
  readonly str?: string;
  readonly hasEOL?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/** The lines of one page's text items; page-number lines at its top and bottom dropped (their characters counted). */
function pageLines(items: readonly TextItem[]): { lines: string[]; numbers: number } {
  let text = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  let numbers = 0;
  while (lines.length && PAGE_NUMBER.test(lines[lines.length - 1]!)) numbers += lines.pop()!.length;
  while (lines.length && PAGE_NUMBER.test(lines[0]!)) numbers += lines.shift()!.length;
  return { lines, numbers };
}

/**
 * Join pages as the viewer page markers are joined: a page whose last line does not end a sentence
 * runs on into the next page's first line (a word or sentence cut by the page break); otherwise the
 * pages are separate lines.
 */
export function joinPages(pages: readonly (readonly string[])[]): { text: string; joins: number } {
  const lines: string[] = [];
  let joins = 0;
  let open = false;
  for (const page of pages) {
    if (page.length === 0) continue;
    const [first, ...rest] = page;
    if (open && lines.length) {
      lines[lines.length - 1] += /[A-Za-z0-9]$/u.test(lines[lines.length - 1]!) && /^[A-Za-z0-9]/u.test(first!) ? ` ${first}` : first;
      joins++;
    } else {
      lines.push(first!);
    }
    lines.push(...rest);
    open = !ENDS_SENTENCE.test(lines[lines.length - 1]!);
  }
  return { text: lines.join('\n'), joins };
}

/** Text of a PDF file (see the module comment), with page breaks handled like viewer page markers. */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  if (String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') return { ok: false, reason: 'not a PDF file (no %PDF- header)' };
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    maxImageSize: 0,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    const e = err as Error;
    if (e.name === 'PasswordException') return { ok: false, reason: 'encrypted PDF: a password is needed to read it' };
    return { ok: false, reason: `damaged PDF: ${e.message}` };
  }
  try {
    const pageCount = Math.min(doc.numPages, MAX_PDF_PAGES);
    const pages: string[][] = [];
    let numbers = 0;
    let chars = 0;
    let truncated = doc.numPages > MAX_PDF_PAGES;
    for (let p = 1; p <= pageCount && !truncated; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      page.cleanup();
      const { lines, numbers: n } = pageLines(content.items as TextItem[]);
      numbers += n;
      chars += lines.reduce((s, l) => s + l.length, 0);
      if (chars > MAX_PDF_CHARS) truncated = true;
      else pages.push(lines);
    }
    const visible = pages.flat().join('').replace(/\s/gu, '').length;
    if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
      return { ok: false, reason: `no text layer in ${doc.numPages} page(s): a scanned or image-only PDF (OCR it first)` };
    }
    const { text: joined, joins } = joinPages(pages);
    const { text, removed } = stripControls(joined);
    const removals: Removal[] = [];
    if (numbers) removals.push({ rule: 'pdf_page_number', chars: numbers, sample: 'page-number lines at page tops and bottoms', lineNo: null });
    if (joins) removals.push({ rule: 'pdf_page_join', chars: 0, sample: `${joins} page break(s) inside a sentence joined`, lineNo: null });
    if (removed) removals.push({ rule: 'control_chars', chars: removed, sample: `${removed} control character(s) removed`, lineNo: null });
    if (truncated)
      removals.push({
        rule: 'pdf_truncated',
        chars: 0,
        sample: `read ${pages.length} of ${doc.numPages} pages (limits: ${MAX_PDF_PAGES} pages, ${MAX_PDF_CHARS} characters)`,
        lineNo: null,
      });
    return { ok: true, text, encoding: 'pdf', removals };
  } finally {
    await task.destroy();
  }
}

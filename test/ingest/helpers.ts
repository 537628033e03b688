import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanFile } from '../../ingest/stages/clean/index';
import { loadWrapperRules } from '../../ingest/stages/clean/wrappers';
import { decodeText } from '../../ingest/stages/decode';
import { segmentFile } from '../../ingest/stages/segment/index';
import { joinParagraphs } from '../../ingest/stages/spans';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The bundled sample corpus. */
export const RAW = join(ROOT, 'data/raw');
/** The project's own site-wrapper rules. */
export const RULES = loadWrapperRules(join(ROOT, 'data/rules/site-wrappers.json'));

/** Clean and segment one sample file the way the pipeline does; documents with their joined text. */
export function documentsOf(file: string) {
  const decoded = decodeText(new Uint8Array(readFileSync(join(RAW, file))));
  if (!decoded.ok) throw new Error(decoded.reason);
  const cleaned = cleanFile(decoded.text, { wrapperRules: RULES, minRepeatChars: 80 });
  const viewerDump = cleaned.removals.some((r) => r.rule === 'page_marker');
  return segmentFile(cleaned.lines, { ...cleaned.hints, viewerDump }, 2026).map((s) => ({ ...s, text: joinParagraphs(s.paragraphs).text }));
}

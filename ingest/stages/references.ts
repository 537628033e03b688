/**
 * Reference texts: an optional folder of documents the analyst supplies (central documents, speeches,
 * the Party Constitution) whose wording a local unit quotes rather than copies. They are read like the
 * corpus's files (any readable format and encoding), written as cleaning writes documents (half-width
 * punctuation, Simplified script), and join the reuse stage as
 * documents of their own: passages a document shares with them are quotation, reported apart and left
 * out of its copied share (`reuse/doc-reuse.ts`). They are not documents of the corpus: no counts,
 * themes or filters see them.
 */
import { existsSync } from 'node:fs';
import { foldFullWidth } from './clean/index';
import { simplifyIfTraditional } from './clean/script';
import { listFiles, readInput } from './read';

/** One reference text. */
export interface ReferenceText {
  /** 1-based, in file order. */
  readonly refId: number;
  readonly sourcePath: string;
  readonly title: string;
  readonly text: string;
}

/** Longest title taken from a reference's first line. */
const MAX_TITLE = 80;

/**
 * Read every file under `dir` (none when the folder does not exist). A file that cannot be read is
 * reported through `warn` with its reason and left out; the others are still read.
 */
export async function readReferences(dir: string, warn: (message: string) => void): Promise<ReferenceText[]> {
  if (!existsSync(dir)) return [];
  const out: ReferenceText[] = [];
  for (const file of listFiles(dir)) {
    const read = await readInput(file);
    if (!read.ok) {
      warn(`reference ${file.relPath}: skipped: ${read.reason}`);
      continue;
    }
    // written the way cleaning writes documents (half-width punctuation, Simplified script), so that a
    // quotation reads the same on both sides
    const lines = simplifyIfTraditional(foldFullWidth(read.text).text)
      .text.split(/\r?\n/u)
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length === 0) {
      warn(`reference ${file.relPath}: skipped: no text`);
      continue;
    }
    const first = lines[0]!;
    out.push({
      refId: out.length + 1,
      sourcePath: file.relPath,
      title: first.length > MAX_TITLE ? `${first.slice(0, MAX_TITLE - 1)}…` : first,
      text: lines.join('\n'),
    });
  }
  return out;
}

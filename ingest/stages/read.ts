import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { decodeText } from './decode';
import { readDocx } from './readers/docx';
import { readHtml } from './readers/html';

/** A file's text as a reader produced it. */
export type ReadResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** A reader turns a file's bytes into text; readers are chosen by file extension. */
export type Reader = (bytes: Uint8Array, path: string) => Promise<ReadResult> | ReadResult;

/** The readers this build knows, by lower-case extension. Add a format by adding a reader here. */
export const READERS: Readonly<Record<string, Reader>> = {
  '.txt': (bytes) => decodeText(bytes),
  '.docx': (bytes) => readDocx(bytes),
  '.html': (bytes) => readHtml(bytes),
  '.htm': (bytes) => readHtml(bytes),
};

/** A file found under the input folder. */
export interface InputFile {
  readonly path: string;
  readonly relPath: string;
  readonly bytes: number;
}

/** Every file under `dir`, recursively, in a stable order; hidden files and folders skipped. */
export function listFiles(dir: string): InputFile[] {
  const out: InputFile[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) out.push({ path, relPath: relative(dir, path).split(sep).join('/'), bytes: st.size });
    }
  };
  walk(dir);
  return out;
}

/** Read one file with the reader for its extension; unknown formats come back as a skip reason. */
export async function readInput(file: InputFile, readers: Readonly<Record<string, Reader>> = READERS): Promise<ReadResult> {
  const ext = extname(file.path).toLowerCase();
  const reader = readers[ext];
  if (!reader) return { ok: false, reason: `unsupported format "${ext || '(none)'}" (readable: ${Object.keys(readers).join(', ')})` };
  try {
    return await reader(new Uint8Array(readFileSync(file.path)), file.path);
  } catch (err) {
    return { ok: false, reason: `could not be read: ${(err as Error).message}` };
  }
}

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { decodeText } from './decode';
import type { Removal } from './clean/types';
import { readDocx } from './readers/docx';
import { readHtml } from './readers/html';
import { refuseLegacyOffice } from './readers/legacy';
import { readPdf } from './readers/pdf';

/**
 * A file's text as a reader produced it. `removals` are what decoding already dropped or replaced
 * (bad bytes, control characters), for the cleaning log.
 */
export type ReadResult = { ok: true; text: string; encoding: string; removals?: Removal[] } | { ok: false; reason: string };

/** A reader turns a file's bytes into text; readers are chosen by file extension. */
export type Reader = (bytes: Uint8Array, path: string) => Promise<ReadResult> | ReadResult;

/** The readers this build knows, by lower-case extension. Add a format by adding a reader here. */
export const READERS: Readonly<Record<string, Reader>> = {
  '.txt': (bytes) => decodeText(bytes),
  '.docx': (bytes) => readDocx(bytes),
  '.html': (bytes) => readHtml(bytes),
  '.htm': (bytes) => readHtml(bytes),
  '.pdf': (bytes) => readPdf(bytes),
  '.doc': (bytes) => refuseLegacyOffice(bytes, '.doc'),
  '.wps': (bytes) => refuseLegacyOffice(bytes, '.wps'),
  '.rtf': (bytes) => refuseLegacyOffice(bytes, '.rtf'),
};

/** Files larger than this are not read (a document collection has no file this big). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/**
 * A file found under the input folder. `skip` is set for an entry that cannot be read at all (a
 * symlink loop, a dangling link, a link out of the folder, a path too long, a folder without read
 * permission, a FIFO or socket): {@link readInput} gives it back as the reason, so it becomes a
 * `skipped_files` row like any other unusable file.
 */
export interface InputFile {
  readonly path: string;
  readonly relPath: string;
  readonly bytes: number;
  readonly skip?: string;
}

/** What kind of special file a `Stats` is, for a skip reason. */
function specialKind(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A filesystem error as a short reason. */
function errorReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOENT':
      return 'dangling symbolic link or vanished entry';
    case 'ENAMETOOLONG':
      return 'path too long for the file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot be listed: ${e.code ?? e.message}`;
  }
}

const inside = (root: string, path: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Every file under `dir`, recursively, in a stable order; hidden files and folders skipped. Never
 * throws: an entry that cannot be used is listed with its `skip` reason. Symbolic links are followed
 * only while their target stays inside `dir`; a folder reached twice (a link loop) is read once,
 * recognised by its real path.
 */
export function listFiles(dir: string): InputFile[] {
  const out: InputFile[] = [];
  const relOf = (path: string): string => relative(dir, path).split(sep).join('/') || '.';
  const skip = (path: string, reason: string, folder = false): void => {
    out.push({ path, relPath: folder ? `${relOf(path)}/` : relOf(path), bytes: 0, skip: reason });
  };
  let root: string;
  try {
    root = realpathSync(dir);
    if (!statSync(root).isDirectory()) return [{ path: dir, relPath: '.', bytes: 0, skip: 'the input is not a folder' }];
  } catch (err) {
    return [{ path: dir, relPath: '.', bytes: 0, skip: `input folder cannot be read: ${errorReason(err)}` }];
  }
  const seen = new Set<string>([root]);
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (err) {
      skip(d, `folder cannot be read: ${errorReason(err)}`, true);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(d, name);
      try {
        visit(path);
      } catch (err) {
        skip(path, errorReason(err));
      }
    }
  };
  const visit = (path: string): void => {
    const link = lstatSync(path);
    let st = link;
    if (link.isSymbolicLink()) {
      const target = realpathSync(path); // ELOOP for a link loop, ENOENT for a dangling link
      if (!inside(root, target)) return skip(path, 'symbolic link pointing outside the input folder');
      st = statSync(target);
    }
    if (st.isDirectory()) {
      const real = realpathSync(path);
      if (seen.has(real)) return skip(path, 'folder already read (a symbolic link loop)', true);
      seen.add(real);
      walk(path);
    } else if (st.isFile()) {
      if (st.size > MAX_FILE_BYTES) return skip(path, `too large: ${st.size} bytes (limit ${MAX_FILE_BYTES})`);
      out.push({ path, relPath: relOf(path), bytes: st.size });
    } else {
      skip(path, `special file: ${specialKind(st)}`);
    }
  };
  walk(dir);
  return out;
}

/** A file's bytes, or null when it cannot be read (a listing problem, or an error {@link readInput} reports). */
export function readBytes(file: InputFile): Uint8Array | null {
  if (file.skip) return null;
  try {
    return new Uint8Array(readFileSync(file.path));
  } catch {
    return null;
  }
}

/**
 * Read one file with the reader for its extension (from `bytes` when already read); unknown formats
 * and listing problems come back as a skip reason.
 */
export async function readInput(file: InputFile, readers: Readonly<Record<string, Reader>> = READERS, bytes: Uint8Array | null = null): Promise<ReadResult> {
  if (file.skip) return { ok: false, reason: file.skip };
  const ext = extname(file.path).toLowerCase();
  const reader = readers[ext];
  if (!reader) return { ok: false, reason: `unsupported format "${ext || '(none)'}" (readable: ${Object.keys(readers).join(', ')})` };
  try {
    return await reader(bytes ?? new Uint8Array(readFileSync(file.path)), file.path);
  } catch (err) {
    return { ok: false, reason: `could not be read: ${(err as Error).message}` };
  }
}

/** File-time checks for `npm start`: is an output older than any of its inputs? */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Latest modification time (ms) of a file, or of any file under a folder; 0 when absent. */
export function newestMtime(path: string): number {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when `output` is missing or older than any of `inputs`. */
export function isStale(output: string, inputs: readonly string[]): boolean {
  const out = newestMtime(output);
  return out === 0 || inputs.some((i) => newestMtime(i) > out);
}

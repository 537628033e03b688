/**
 * Files a database write leaves beside the database when a run is killed: `<db>.<pid>.tmp` (the new
 * database being written) and `<db>.<pid>.tmp.wal`; and `<db>.wal`, a write-ahead log of an older
 * database that DuckDB would replay onto the new file renamed into its place.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether a process with this id is running (as far as this user can tell). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Remove what killed runs left beside `dbPath`: every `<db>.<pid>.tmp` and `<db>.<pid>.tmp.wal` last
 * written before `runStartedMs` (by default, when this process started) whose process is gone (this
 * process's own files too), and the stale `<db>.wal`. Call it after the new database is checkpointed
 * and closed, just before the rename. Returns the paths removed; a file that cannot be removed is left
 * and not returned.
 */
export function removeStaleFiles(dbPath: string, runStartedMs: number = performance.timeOrigin): string[] {
  const dir = dirname(dbPath);
  const base = basename(dbPath);
  const orphan = new RegExp(`^${escapeRe(base)}\\.(\\d+)\\.tmp(?:\\.wal)?$`, 'u');
  const removed: string[] = [];
  const remove = (path: string): void => {
    try {
      rmSync(path);
      removed.push(path);
    } catch {
      // gone already, or not ours to remove
    }
  };
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (name === `${base}.wal`) {
      remove(path);
      continue;
    }
    const m = orphan.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    let mtime: number;
    try {
      mtime = statSync(path).mtimeMs;
    } catch {
      continue;
    }
    if (mtime < runStartedMs && (pid === process.pid || !running(pid))) remove(path);
  }
  return removed;
}

/** `listFiles` never throws: the input itself missing or not a folder is one skipped entry, like any other. */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, readInput } from '../../ingest/stages/read';
import { printable } from '../../ingest/progress';

const dir = mkdtempSync(join(tmpdir(), 'reportscope-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('listFiles', () => {
  it('lists a missing input folder as one skipped entry instead of throwing', async () => {
    const files = listFiles(join(dir, 'missing'));
    expect(files).toEqual([expect.objectContaining({ relPath: '.', skip: expect.stringMatching(/input folder cannot be read/) })]);
    expect(await readInput(files[0]!)).toEqual({ ok: false, reason: files[0]!.skip });
  });

  it('lists a file given as the input folder as one skipped entry', () => {
    writeFileSync(join(dir, 'plan.txt'), '工作要点');
    expect(listFiles(join(dir, 'plan.txt'))).toEqual([expect.objectContaining({ skip: 'the input is not a folder' })]);
  });

  it('follows a symlinked input folder and links inside it, in a stable order', () => {
    const real = join(dir, 'real');
    mkdirSync(join(real, 'b'), { recursive: true });
    writeFileSync(join(real, 'b', '2.txt'), '二');
    writeFileSync(join(real, 'a.txt'), '一');
    symlinkSync(join(real, 'b'), join(real, 'c'));
    symlinkSync(real, join(dir, 'link'));
    expect(listFiles(join(dir, 'link')).map((f) => [f.relPath, f.skip ?? 'ok'])).toEqual([
      ['a.txt', 'ok'],
      ['b/2.txt', 'ok'],
      ['c/', 'folder already read (a symbolic link loop)'],
    ]);
  });
});

describe('printable', () => {
  const CASES: [string, string, string][] = [
    ['an ANSI colour sequence', 'red\u001b[31m.txt', 'red\\x1b[31m.txt'],
    ['a bell and a carriage return', 'a\u0007b\rc.txt', 'a\\x07b\\x0dc.txt'],
    ['a right-to-left override', 'txt.\u202eexe', 'txt.\\u{202e}exe'],
    ['Chinese, kept', '2024年工作要点.txt', '2024年工作要点.txt'],
  ];
  it.each(CASES)('escapes %s', (_name, input, output) => expect(printable(input)).toBe(output));
});

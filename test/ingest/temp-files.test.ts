/**
 * The user dictionary copy nodejieba reads is written only inside a fresh `mkdtemp` folder: a symlink
 * another local user pre-places in the shared temp folder is never written through, and the copy is
 * gone once the dictionary is loaded.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTokenizer, withoutComments } from '../../ingest/stages/tokenize';
import { LEXICON, ROOT } from './helpers';

const USER_DICT = join(ROOT, 'data/dict/user.dict.utf8');
const victimDir = mkdtempSync(join(tmpdir(), 'reportscope-victim-'));
const victim = join(victimDir, 'precious.txt');
const planted: string[] = [];
afterAll(() => {
  for (const p of planted) rmSync(p, { force: true });
  rmSync(victimDir, { recursive: true, force: true });
});

describe('temporary user dictionary', () => {
  it('never writes through a symlink pre-placed at the name older versions used', () => {
    writeFileSync(victim, 'do not overwrite');
    const body = `${readFileSync(USER_DICT, 'utf8')
      .split(/\r?\n/u)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .join('\n')}\n`;
    const predictable = join(tmpdir(), `reportscope-userdict-${createHash('sha1').update(body).digest('hex').slice(0, 12)}.utf8`);
    rmSync(predictable, { force: true });
    symlinkSync(victim, predictable);
    planted.push(predictable);
    const copy = withoutComments(USER_DICT);
    try {
      expect(readFileSync(victim, 'utf8')).toBe('do not overwrite');
      expect(lstatSync(copy).isSymbolicLink()).toBe(false);
      expect(readFileSync(copy, 'utf8')).toBe(body);
      expect(statSync(dirname(copy)).mode & 0o777).toBe(0o700);
      expect(statSync(copy).mode & 0o777).toBe(0o600);
      expect(dirname(dirname(copy))).toBe(tmpdir());
    } finally {
      rmSync(dirname(copy), { recursive: true, force: true });
    }
  });

  it('leaves no copy behind once the dictionary is loaded, and the formulations still stay whole', () => {
    const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('reportscope-userdict-')));
    const tokenizer = loadTokenizer(USER_DICT, join(ROOT, 'data/dict/stopwords.txt'), LEXICON);
    const after = readdirSync(tmpdir()).filter((n) => n.startsWith('reportscope-userdict-') && !before.has(n));
    expect(after).toEqual([]);
    expect(tokenizer.cut('落实意识形态工作责任制')).toContain('意识形态工作责任制');
  });
});

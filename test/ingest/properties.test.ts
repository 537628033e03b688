/**
 * Properties of cleaning and segmentation (`fileDocuments`) on generated files made of the sample's
 * own lines cut, repeated and mixed with viewer page markers, site chrome, blank lines, control and
 * invisible characters, full-width and Traditional text: it never throws, every offset lies inside its
 * document's text, and no text disappears without a `cleaning_log` entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileDocuments } from '../../ingest/file-work';
import { LEXICON, RAW, RULES } from './helpers';

const CONFIG = { wrapperRules: RULES, minRepeatChars: 80, nowYear: 2026, lexicon: LEXICON };
const SAMPLE = readdirSync(RAW)
  .sort()
  .flatMap((f) => readFileSync(join(RAW, f), 'utf8').split('\n'))
  .filter(Boolean);
const NOISE = [
  '',
  ' ',
  '\t',
  '　',
  '\r',
  '\u200b',
  '\ufeff',
  '\u0001',
  '\u00a0',
  '12、',
  '第3页',
  '推荐访问:',
  '上一篇:',
  '打印本页',
  '（一）',
  '一、',
  '。',
  '“',
  '２０２４年',
  '縣民政局',
  '導(dǎo)語',
  '𠀀',
  '附件',
];

/** A generated file: pieces of sample lines and noise, joined by line breaks or nothing. */
const file = fc
  .array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...SAMPLE), fc.nat(), fc.nat())
          .map(([l, a, b]) => l.slice(Math.min(a, b) % (l.length + 1), Math.max(a, b) % (l.length + 1) || undefined)),
      },
      { weight: 2, arbitrary: fc.constantFrom(...NOISE) },
      { weight: 1, arbitrary: fc.constantFrom(...SAMPLE) },
    ),
    { maxLength: 40 },
  )
  .chain((pieces) =>
    fc
      .array(fc.constantFrom('\n', '', '\n\n', '\r\n'), { minLength: pieces.length, maxLength: pieces.length })
      .map((seps) => pieces.map((p, i) => p + seps[i]).join('')),
  );

const visible = (s: string): number => s.replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad]/gu, '').length;

describe('fileDocuments on generated files', () => {
  it('never throws, and every paragraph and sentence offset lies inside its document text', () => {
    fc.assert(
      fc.property(file, (text) => {
        const { documents } = fileDocuments(text, CONFIG);
        for (const d of documents) {
          expect(d.charCount).toBeLessThanOrEqual(d.text.length);
          let last = 0;
          for (const p of d.paragraphSpans) {
            expect(0 <= p.start && p.start <= p.end && p.end <= d.text.length && p.start >= last).toBe(true);
            last = p.end;
          }
          for (const s of d.sentences) {
            expect(0 <= s.start && s.start <= s.end && s.end <= d.text.length).toBe(true);
            const para = d.paragraphSpans[s.paraNo - 1]!;
            expect(s.start >= para.start && s.end <= para.end).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary Unicode, lone surrogates and control characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void fileDocuments(text, CONFIG)),
      { numRuns: 300 },
    );
  });

  it('accounts for every visible character: what documents keep plus what the log says was removed covers the input', () => {
    // Removals are logged with their whitespace, so this is an inequality on visible characters: no
    // visible character leaves without a log entry. (Exact equality would need whitespace-free counts.)
    fc.assert(
      fc.property(file, (text) => {
        const { documents, removals } = fileDocuments(text, CONFIG);
        const kept = documents.reduce((n, d) => n + visible(d.text), 0);
        const logged = removals.reduce((n, r) => n + r.chars, 0);
        expect(kept + logged).toBeGreaterThanOrEqual(visible(text));
      }),
      { numRuns: 400 },
    );
  });

  it('accounts exactly for the sample corpus, up to the whitespace removals are logged with', () => {
    for (const f of readdirSync(RAW).sort()) {
      const text = readFileSync(join(RAW, f), 'utf8');
      const { documents, removals } = fileDocuments(text, CONFIG);
      const kept = documents.reduce((n, d) => n + visible(d.text), 0);
      const logged = removals.reduce((n, r) => n + r.chars, 0);
      expect(kept + logged - visible(text), f).toBeGreaterThanOrEqual(0);
      expect(kept + logged - visible(text), f).toBeLessThanOrEqual(60);
    }
  });
});

/**
 * The side-by-side view marks exactly what reuse detection masks: the character positions that the
 * web comparison's tokens mark as placeholder (and as number) are the positions the reuse normaliser
 * masks, for every placeholder form of the lexicon, ordinary text that looks like one, and seeded
 * random strings. Both sides come from the real modules: web/compare (with the lexicon bundled by
 * Vite's `?raw` import) and ingest/stages/reuse/normalise.ts (with the lexicon read from disk).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASKED_NUMBER, MASKED_PLACEHOLDER, maskedChars } from '../../common/placeholders';
import { loadLexicon } from '../../ingest/lexicon';
import { normaliseChars, normString } from '../../ingest/stages/reuse';
import { alignPassages } from '../../web/compare/align';
import { synonymIndex, tokenize } from '../../web/compare/tokens';
import { LEXICON } from '../../web/lexicon';

const ROOT = join(import.meta.dirname, '..', '..');
const DISK = loadLexicon(join(ROOT, 'data', 'lexicon.txt'));
const NO_SYNONYMS = synonymIndex([]);
const MASK_CODE = '#'.codePointAt(0)!;

/** Positions (code units) of `[from, to)` that the web comparison marks as placeholder / number. */
function webMarks(text: string, from = 0, to = text.length): { placeholder: number[]; number: number[] } {
  const out = { placeholder: [] as number[], number: [] as number[] };
  for (const t of tokenize(text, from, to, NO_SYNONYMS)) {
    if (t.kind !== 'placeholder' && t.kind !== 'number') continue;
    for (let p = t.start; p < t.start + t.text.length; p++) out[t.kind].push(p);
  }
  return out;
}

/**
 * Positions of `[from, to)` that the reuse normaliser masks as placeholder / number: its mask
 * (`maskedChars`, what `normaliseChars` reads), checked against `normaliseChars`' own output — every
 * masked character lies in a masked unit, no other unit covers one, and a masked unit starts and ends
 * on masked characters (only dropped punctuation or spaces may lie between).
 */
function detectorMasks(text: string, from = 0, to = text.length): { placeholder: number[]; number: number[] } {
  const mask = maskedChars(DISK, text);
  const norm = normaliseChars(text, DISK);
  const inMaskUnit = new Uint8Array(text.length);
  for (let u = 0; u < norm.codes.length; u++) {
    const [s, e] = [norm.start[u]!, norm.end[u]!];
    if (norm.codes[u] === MASK_CODE) {
      expect(mask[s], `masked unit of ${JSON.stringify(text)} starts on a masked character`).not.toBe(0);
      expect(mask[e - 1], `masked unit of ${JSON.stringify(text)} ends on a masked character`).not.toBe(0);
      inMaskUnit.fill(1, s, e);
    } else {
      for (let p = s; p < e; p++) expect(mask[p], `unmasked unit at ${p} of ${JSON.stringify(text)}`).toBe(0);
    }
  }
  const out = { placeholder: [] as number[], number: [] as number[] };
  for (let p = from; p < to; p++) {
    if (mask[p] === 0) continue;
    expect(inMaskUnit[p], `masked character ${p} of ${JSON.stringify(text)} is in a masked unit`).toBe(1);
    out[mask[p] === MASKED_PLACEHOLDER ? 'placeholder' : 'number'].push(p);
    if (mask[p] !== MASKED_PLACEHOLDER) expect(mask[p]).toBe(MASKED_NUMBER);
  }
  return out;
}

const FORMS: { text: string; placeholders: string[] }[] = [
  { text: '*局宣传思想工作要点', placeholders: ['*'] },
  { text: '***同志', placeholders: ['***'] },
  { text: '中国xxx网', placeholders: ['xxx'] },
  { text: 'XX社区', placeholders: ['XX'] },
  { text: 'X镇共有X多名党员', placeholders: ['X', 'X'] },
  { text: '今年以来,__社区以十九大精神为指引', placeholders: ['__'] },
  { text: '20XX年工作计划', placeholders: ['20XX'] },
  { text: '下发20X年度*市落实', placeholders: ['20X', '*'] },
  { text: '19XX年', placeholders: ['19XX'] },
  { text: '××同志在○○会上', placeholders: ['××', '○○'] },
  { text: 'ＸＸ镇和＊局', placeholders: ['ＸＸ', '＊'] },
  { text: '美丽xx\nx县和__\n社区,_\n_镇', placeholders: ['xx', 'x', '__', '_', '_'] },
  { text: 'Xi与LED屏、PPT文件', placeholders: [] },
  { text: '某些单位', placeholders: [] },
  { text: 'x光检查', placeholders: ['x'] }, // a lone lower-case x is a piece of a broken run to the detector, so to the view too
  { text: 'xxxapp和appX', placeholders: ['xxx'] },
  { text: '投稿15篇,共１２３份,12.5%', placeholders: [] },
  { text: '二〇二四年', placeholders: [] },
];

describe('the side-by-side view marks what reuse detection masks', () => {
  it('bundles data/lexicon.txt through the ?raw import', () => {
    expect(LEXICON.placeholder.source).toBe(DISK.placeholder.source);
    expect(LEXICON.placeholderPieceSource).toBe(DISK.placeholderPieceSource);
  });

  it.each(FORMS)('$text', ({ text, placeholders }) => {
    const web = webMarks(text);
    const det = detectorMasks(text);
    expect(web).toEqual(det);
    const runs = tokenize(text, 0, text.length, NO_SYNONYMS)
      .filter((t) => t.kind === 'placeholder')
      .map((t) => t.text);
    expect(runs).toEqual(placeholders);
  });

  it('agrees inside passages that start or end within a document (lookarounds see the whole text)', () => {
    const text = 'aX镇和Xi、xx\nx县,20XX年共12名';
    for (let from = 0; from < text.length; from++) {
      for (let to = from; to <= text.length; to++) expect(webMarks(text, from, to), `[${from}, ${to})`).toEqual(detectorMasks(text, from, to));
    }
  });

  it('agrees on seeded random strings of placeholder characters, letters, numbers and punctuation', () => {
    const ALPHABET = [...'*xX_×○□某20１９Ｘｘ＊＿年局镇社区光iaL,。 \n'];
    let seed = 20240501;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: 1 + rand(16) }, () => ALPHABET[rand(ALPHABET.length)]).join('');
      const from = rand(text.length + 1);
      const to = from + rand(text.length - from + 1);
      expect(webMarks(text, from, to), JSON.stringify(text)).toEqual(detectorMasks(text, from, to));
    }
  });

  it('marks ○○ against ＸＸ as a swapped placeholder, which the detector reads as identical', () => {
    const left = '○○社区要加强理论学习';
    const right = 'ＸＸ社区要加强理论学习';
    expect(normString(normaliseChars(left, DISK))).toBe(normString(normaliseChars(right, DISK)));
    const {
      left: lm,
      right: rm,
      counts,
    } = alignPassages(left, right, [{ leftStart: 0, leftEnd: left.length, rightStart: 0, rightEnd: right.length }], NO_SYNONYMS);
    expect(counts).toEqual({ spun: 0, placeholder: 1, number: 0, edit: 0 });
    expect(lm.filter((m) => m.kind === 'placeholder').map((m) => left.slice(m.start, m.end))).toEqual(['○○']);
    expect(rm.filter((m) => m.kind === 'placeholder').map((m) => right.slice(m.start, m.end))).toEqual(['ＸＸ']);
  });
});

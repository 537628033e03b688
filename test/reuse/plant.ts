/**
 * The labelled evaluation's generator: takes real passages (≥ 40 characters, whole sentences) from the
 * sample documents and plants disguised copies into other sample documents, with a fixed seed, keeping
 * the ground truth (source document and span, target document and span) of every plant.
 */
import * as OpenCC from 'opencc-js';
import { prng } from '../fixtures/prng';
import type { ReuseDoc } from '../../ingest/stages/reuse';

/** The disguises a copy may wear. */
export const DISGUISES = ['exact', 'spun', 'masked', 'edited', 'traditional', 'rebroken'] as const;
/** One of {@link DISGUISES}. */
export type Disguise = (typeof DISGUISES)[number];

/** A planted copy and where it came from. Spans are half-open offsets into the planted corpus's texts. */
export interface Plant {
  readonly disguise: Disguise;
  readonly sourceDoc: number;
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly targetDoc: number;
  readonly targetStart: number;
  readonly targetEnd: number;
  readonly text: string;
}

/** The sample documents with plants inserted, and the ground truth. */
export interface PlantedCorpus {
  readonly docs: ReuseDoc[];
  readonly plants: Plant[];
}

/** Settings of the generator. */
export interface PlantOptions {
  readonly seed: number;
  readonly perDisguise: number;
  /** The synonym table (variant → canonical): spinning swaps canonicals for variants. */
  readonly synonyms: ReadonlyMap<string, string>;
}

/** The labelled evaluation's planting, shared by test/reuse/eval.test.ts and the reuse bench. */
export const EVAL_PLANTING = { seed: 20240501, perDisguise: 25 } as const;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const HAN = /\p{Script=Han}/u;

/** Swaps a spinning tool makes that the synonym table does not know (the alignment must tolerate them). */
const UNLISTED_SWAPS: readonly (readonly [string, string])[] = [
  ['开展', '进行'],
  ['加强', '增强'],
  ['提高', '提升'],
  ['不断', '持续'],
  ['认真', '仔细'],
  ['重要', '主要'],
];

interface Candidate {
  readonly doc: number;
  readonly start: number;
  readonly end: number;
}

/** Whole-sentence passages of 40–160 characters inside one line of `text`. */
export function passageCandidates(text: string, doc: number): Candidate[] {
  const out: Candidate[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const ends: number[] = [];
    for (const m of line.matchAll(/[。!?;!?;]/g)) ends.push(m.index + 1);
    if (ends.at(-1) !== line.length) ends.push(line.length);
    const starts = [0, ...ends.slice(0, -1)];
    for (const s of starts) {
      const e = ends.find((x) => x - s >= 40);
      if (e !== undefined && e - s <= 160) out.push({ doc, start: lineStart + s, end: lineStart + e });
    }
    lineStart += line.length + 1;
  }
  return out;
}

function spin(text: string, rand: () => number, variantsOf: Map<string, string>): string {
  const keys = [...variantsOf.keys()].sort((x, y) => y.length - x.length);
  let out = text.replace(new RegExp(keys.join('|'), 'g'), (m) => variantsOf.get(m)!);
  const unlisted = UNLISTED_SWAPS.filter(([from]) => out.includes(from));
  if (unlisted.length > 0) {
    const [from, to] = pick(rand, unlisted);
    out = out.replace(from, to);
  }
  return out;
}

const ORG = /[\u4e00-\u9fa5]{2}(?=局|镇|县|市|区|社区|街道|乡|村)/g;
const PLACEHOLDERS = ['*', 'xxx', 'X', '__', 'XX', '***'];

function mask(text: string, rand: () => number): string {
  let changed = 0;
  let out = text.replace(/\d+/g, (d) => {
    changed++;
    let next = d;
    while (next === d) next = String(Math.floor(rand() * 10 ** Math.min(d.length + 1, 4)));
    return next;
  });
  out = out.replace(ORG, (m) => (changed < 3 && rand() < 0.7 ? (changed++, pick(rand, PLACEHOLDERS)) : m));
  if (changed === 0) {
    const hanAt = [...out.matchAll(/\p{Script=Han}{2}/gu)].map((m) => m.index);
    const at = pick(rand, hanAt);
    out = `${out.slice(0, at)}XX${out.slice(at + 2)}`;
  }
  return out;
}

function edit(text: string, rand: () => number, alphabet: string): string {
  const chars = Array.from(text);
  const han = chars.map((c, i) => (HAN.test(c) ? i : -1)).filter((i) => i >= 0);
  const n = Math.max(1, Math.round(han.length * 0.05));
  const at = new Set<number>();
  while (at.size < n) at.add(pick(rand, han));
  const out: string[] = [];
  chars.forEach((c, i) => {
    if (!at.has(i)) return void out.push(c);
    const op = rand();
    if (op < 0.4) out.push(pick(rand, Array.from(alphabet)));
    else if (op < 0.7) out.push(c, pick(rand, Array.from(alphabet)));
  });
  return out.join('');
}

function rebreak(text: string, rand: () => number): string {
  const chars = Array.from(text);
  let out = '';
  let next = 6 + Math.floor(rand() * 9);
  chars.forEach((c, i) => {
    out += c;
    if (i + 1 === next && i + 1 < chars.length) {
      out += rand() < 0.2 ? ' \n' : '\n';
      next += 6 + Math.floor(rand() * 9);
    }
  });
  return out;
}

/** Apply one disguise to a passage. */
export function disguise(kind: Disguise, text: string, rand: () => number, variantsOf: Map<string, string>, alphabet: string): string {
  switch (kind) {
    case 'exact':
      return text;
    case 'spun':
      return spin(text, rand, variantsOf);
    case 'masked':
      return mask(text, rand);
    case 'edited':
      return edit(text, rand, alphabet);
    case 'traditional':
      return toTraditional(text);
    case 'rebroken':
      return rebreak(text, rand);
  }
}

/** canonical → the first variant listed for it: what spinning swaps a canonical word for. */
export function variantsOfTable(synonyms: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [variant, canonical] of synonyms) if (!out.has(canonical)) out.set(canonical, variant);
  return out;
}

const overlaps = (s: number, e: number, spans: readonly Candidate[]): boolean => spans.some((x) => x.start < e && s < x.end);

/**
 * Plant `perDisguise` copies of each disguise (see the module comment). Source passages do not overlap
 * each other; each insertion point is a distinct sentence end of the target outside every source span.
 */
export function plantCorpus(docs: readonly ReuseDoc[], options: PlantOptions): PlantedCorpus {
  const rand = prng(options.seed);
  const variantsOf = variantsOfTable(options.synonyms);
  const spinnable = new RegExp([...variantsOf.keys()].join('|'), 'g');
  const alphabet = Array.from(
    new Set(
      docs
        .map((d) => d.text)
        .join('')
        .match(/\p{Script=Han}/gu) ?? [],
    ),
  ).join('');
  const candidates = docs.flatMap((d, i) => passageCandidates(d.text, i));
  const chosen: (Candidate & { kind: Disguise })[] = [];
  for (const kind of DISGUISES) {
    const pool = candidates.filter((c) => {
      const t = docs[c.doc]!.text.slice(c.start, c.end);
      return kind !== 'spun' || (t.match(spinnable)?.length ?? 0) >= 2;
    });
    for (let n = 0, tries = 0; n < options.perDisguise && tries < 10_000; tries++) {
      const c = pick(rand, pool);
      if (
        overlaps(
          c.start,
          c.end,
          chosen.filter((x) => x.doc === c.doc),
        )
      )
        continue;
      chosen.push({ ...c, kind });
      n++;
    }
  }
  const inserts: { doc: number; at: number; text: string; plant: number }[] = [];
  chosen.forEach((c, p) => {
    const targets = docs.map((_, i) => i).filter((i) => i !== c.doc);
    const target = pick(rand, targets);
    const text = docs[target]!.text;
    const points = [...text.matchAll(/[。\n]/g)]
      .map((m) => m.index + 1)
      .filter(
        (at) =>
          !overlaps(
            at,
            at,
            chosen.filter((x) => x.doc === target),
          ) && !inserts.some((x) => x.doc === target && x.at === at),
      );
    const source = docs[c.doc]!.text.slice(c.start, c.end);
    inserts.push({ doc: target, at: pick(rand, points), text: disguise(c.kind, source, rand, variantsOf, alphabet), plant: p });
  });
  const shift = (doc: number, pos: number): number => pos + inserts.filter((x) => x.doc === doc && x.at <= pos).reduce((s, x) => s + x.text.length, 0);
  const planted = docs.map((d, i) => {
    let text = d.text;
    for (const x of inserts.filter((y) => y.doc === i).sort((p, q) => q.at - p.at)) {
      text = text.slice(0, x.at) + x.text + text.slice(x.at);
    }
    return { ...d, text };
  });
  const plants = inserts.map((x) => {
    const c = chosen[x.plant]!;
    const targetStart = shift(x.doc, x.at) - x.text.length;
    return {
      disguise: c.kind,
      sourceDoc: docs[c.doc]!.docId,
      sourceStart: shift(c.doc, c.start),
      sourceEnd: shift(c.doc, c.start) + (c.end - c.start),
      targetDoc: docs[x.doc]!.docId,
      targetStart,
      targetEnd: targetStart + x.text.length,
      text: x.text,
    };
  });
  return { docs: planted, plants };
}

/**
 * Synthetic corpora for the reuse benchmark, made by recombining the sample's sentences with
 * variation (deterministic seed). Reuse per document stays constant as the corpus grows, as it does
 * in a real collection:
 *  - each document is 50–70 sample sentences in random order, each sentence with 35 % of its Chinese
 *    characters replaced by characters drawn from the sample's own character frequencies, so that the
 *    recombined filler is new text (two documents share no long passage by accident, as in a real
 *    collection where new documents bring new sentences) while keeping the sample's character mix;
 *  - half of the documents copy one or two passages (60–400 characters) from a random earlier
 *    document, exact, spun with the synonym table, or with 3 % of characters edited;
 *  - one document in five carries one of a few mandated formula sentences (these recur in a share of
 *    all documents, so their frequency grows with the corpus — the case the seed cap exists for).
 */
import type { ReuseDoc } from '../ingest/stages/reuse';
import { prng } from '../test/fixtures/prng';
import { variantsOfTable } from '../test/reuse/plant';

/** The formula sentences sprinkled over the corpus. */
const FORMULAS = [
  '坚持以习近平新时代中国特色社会主义思想为指导,深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
  '意识形态工作是党的一项极端重要的工作,事关党的前途命运,事关国家长治久安,事关民族凝聚力和向心力。',
  '严格落实意识形态工作责任制,做到守土有责、守土负责、守土尽责,牢牢掌握意识形态工作的领导权、管理权、话语权。',
  '党组书记是意识形态工作的第一责任人,重要工作亲自部署、重要问题亲自过问、重大事件亲自处置。',
];

/** Options of {@link syntheticCorpus}. */
export interface SyntheticOptions {
  readonly docs: number;
  readonly seed: number;
  /** The sample documents whose sentences are recombined. */
  readonly sample: readonly ReuseDoc[];
  /** variant → canonical; spun copies swap canonicals for variants. */
  readonly synonyms: ReadonlyMap<string, string>;
}

/** Build a synthetic corpus of `docs` documents (see the module comment). */
export function syntheticCorpus(options: SyntheticOptions): ReuseDoc[] {
  const rand = prng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sentences = options.sample
    .flatMap((d) => d.text.split(/(?<=[。;!?\n])/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
  const chars = Array.from(
    options.sample
      .map((d) => d.text)
      .join('')
      .match(/\p{Script=Han}/gu) ?? [],
  );
  const vary = (s: string): string => s.replace(/\p{Script=Han}/gu, (c) => (rand() < 0.35 ? pick(chars) : c));
  const variantOf = variantsOfTable(options.synonyms);
  const spinRe = new RegExp([...variantOf.keys()].join('|'), 'g');
  const disguise = (s: string): string => {
    const r = rand();
    if (r < 0.4) return s;
    if (r < 0.7) return s.replace(spinRe, (m) => variantOf.get(m)!);
    return s.replace(/\p{Script=Han}/gu, (c) => (rand() < 0.03 ? pick(chars) : c));
  };
  const docs: ReuseDoc[] = [];
  for (let i = 0; i < options.docs; i++) {
    const parts: string[] = [];
    const n = 50 + Math.floor(rand() * 21);
    for (let k = 0; k < n; k++) parts.push(vary(pick(sentences)));
    if (rand() < 0.2) parts.splice(Math.floor(rand() * parts.length), 0, pick(FORMULAS));
    if (i > 0 && rand() < 0.5) {
      const copies = 1 + Math.floor(rand() * 2);
      for (let c = 0; c < copies; c++) {
        const from = docs[Math.floor(rand() * i)]!.text;
        const len = 60 + Math.floor(rand() * 341);
        const at = Math.floor(rand() * Math.max(1, from.length - len));
        parts.splice(Math.floor(rand() * parts.length), 0, disguise(from.slice(at, at + len)));
      }
    }
    docs.push({ docId: i + 1, text: parts.join('\n'), year: 2015 + (i % 10), org: `单位${i + 1}` });
  }
  return docs;
}

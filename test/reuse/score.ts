/**
 * Scoring of the labelled evaluation: recall per disguise (a plant is found when one reported pair
 * joins its two documents with spans covering at least 80 % of the truth on both sides) and precision
 * (a reported pair counts when the oracle finds its two spans at least 0.8 similar).
 */
import type { ReuseResult, ReuseRow } from '../../ingest/stages/reuse';
import { DISGUISES, type Disguise, type Plant, type PlantedCorpus } from './plant';
import { oracleNormaliser, oracleSimilarity } from './oracle';

/** Recall and precision of one run. */
export interface EvalReport {
  readonly recall: Record<Disguise | 'overall', { found: number; total: number; recall: number }>;
  readonly precision: { alike: number; total: number; precision: number };
  readonly missed: Plant[];
  readonly unlike: { row: ReuseRow; similarity: number }[];
}

const covered = (s: number, e: number, ts: number, te: number): number => Math.max(0, Math.min(e, te) - Math.max(s, ts)) / (te - ts);

/** Whether `row` reports `plant` (see the module comment). */
export function rowFindsPlant(row: ReuseRow, plant: Plant): boolean {
  const sides: [number, number, number, number, number, number][] = [
    [row.docA, row.startA, row.endA, row.docB, row.startB, row.endB],
    [row.docB, row.startB, row.endB, row.docA, row.startA, row.endA],
  ];
  return sides.some(
    ([ds, ss, es, dt, st, et]) =>
      ds === plant.sourceDoc &&
      dt === plant.targetDoc &&
      covered(ss, es, plant.sourceStart, plant.sourceEnd) >= 0.8 &&
      covered(st, et, plant.targetStart, plant.targetEnd) >= 0.8,
  );
}

/** Score a detector result against the planted corpus. */
export function scorePlants(result: ReuseResult, corpus: PlantedCorpus, synonyms: ReadonlyMap<string, string>): EvalReport {
  const texts = new Map(corpus.docs.map((d) => [d.docId, d.text]));
  const recall = {} as EvalReport['recall'];
  const missed: Plant[] = [];
  let found = 0;
  for (const kind of DISGUISES) {
    const plants = corpus.plants.filter((p) => p.disguise === kind);
    const hits = plants.filter((p) => result.reuse.toArray().some((r) => rowFindsPlant(r, p)));
    missed.push(...plants.filter((p) => !hits.includes(p)));
    found += hits.length;
    recall[kind] = { found: hits.length, total: plants.length, recall: plants.length ? hits.length / plants.length : 1 };
  }
  const total = corpus.plants.length;
  recall.overall = { found, total, recall: total ? found / total : 1 };
  const norm = oracleNormaliser(synonyms);
  const unlike: EvalReport['unlike'] = [];
  for (const row of result.reuse) {
    const a = texts.get(row.docA)!.slice(row.startA, row.endA);
    const b = texts.get(row.docB)!.slice(row.startB, row.endB);
    const similarity = oracleSimilarity(a, b, norm);
    if (similarity < 0.8) unlike.push({ row, similarity });
  }
  const rows = result.reuse.length;
  return {
    recall,
    precision: { alike: rows - unlike.length, total: rows, precision: rows ? (rows - unlike.length) / rows : 1 },
    missed,
    unlike,
  };
}

/** The report as printable lines. */
export function formatReport(report: EvalReport): string[] {
  const lines = [...DISGUISES, 'overall' as const].map((k) => {
    const r = report.recall[k];
    return `recall ${k.padEnd(12)} ${r.found}/${r.total} = ${r.recall.toFixed(3)}`;
  });
  const p = report.precision;
  lines.push(`precision    ${p.alike}/${p.total} = ${p.precision.toFixed(3)}`);
  return lines;
}

/**
 * Reuse detection benchmark: time and memory on synthetic corpora of N and 10·N documents made by
 * recombining the sample's sentences with variation (see reuse-corpus.ts), the ratio of the two times
 * (target: at most ~12 for 10× the documents), and the labelled evaluation's recall per disguise and
 * precision (see test/reuse/eval.test.ts). N runs five times, 10·N three times; the fastest run counts
 * (wall clock `ms`; process CPU time `cpu_ms`, which a busy machine disturbs less).
 */
import { detectReuse, DEFAULT_REUSE_CONFIG, loadSynonyms, type ReuseDoc } from '../ingest/stages/reuse';
import { LEXICON, loadFixtureDocs, SYNONYMS_PATH } from '../test/reuse/fixtures';
import { DISGUISES, EVAL_PLANTING, plantCorpus } from '../test/reuse/plant';
import { scorePlants } from '../test/reuse/score';
import type { Emit } from './run';
import { syntheticCorpus } from './reuse-corpus';

const BASE_DOCS = 200;
const SEED = 7;

interface Timing {
  readonly ms: number;
  readonly cpuMs: number;
  readonly rows: number;
  readonly clusters: number;
}

function timeDetect(docs: readonly ReuseDoc[], synonyms: ReadonlyMap<string, string>): Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = detectReuse(docs, DEFAULT_REUSE_CONFIG, synonyms, LEXICON);
  const cpu = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, rows: result.reuse.length, clusters: result.clusters.length };
}

const fastest = (xs: number[]): number => Math.min(...xs);
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** Run the reuse benchmark and emit one record per measurement. */
export default async function reuseBench(emit: Emit): Promise<void> {
  const synonyms = loadSynonyms(SYNONYMS_PATH, LEXICON);
  const sample = loadFixtureDocs();
  timeDetect(syntheticCorpus({ docs: 50, seed: SEED + 1, sample, synonyms }), synonyms); // warm-up

  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (const docs of [BASE_DOCS, BASE_DOCS * 10]) {
    const corpus = syntheticCorpus({ docs, seed: SEED, sample, synonyms });
    const chars = corpus.reduce((s, d) => s + d.text.length, 0);
    const runs = Array.from({ length: docs === BASE_DOCS ? 5 : 3 }, () => timeDetect(corpus, synonyms));
    const ms = fastest(runs.map((r) => r.ms));
    const cpuMs = fastest(runs.map((r) => r.cpuMs));
    times.push(ms);
    cpuTimes.push(cpuMs);
    emit({
      bench: 'reuse',
      docs,
      chars,
      ms: Math.round(ms),
      cpu_ms: Math.round(cpuMs),
      chars_per_s: Math.round(chars / (ms / 1000)),
      rows: runs[0]!.rows,
      clusters: runs[0]!.clusters,
      peak_rss_mb: peakRssMb(),
      ...(times.length === 2
        ? {
            ratio_time_10x: Number((times[1]! / times[0]!).toFixed(2)),
            ratio_cpu_10x: Number((cpuTimes[1]! / cpuTimes[0]!).toFixed(2)),
          }
        : {}),
    });
  }

  const planted = plantCorpus(sample, { ...EVAL_PLANTING, synonyms });
  const t0 = performance.now();
  const result = detectReuse(planted.docs, DEFAULT_REUSE_CONFIG, synonyms, LEXICON);
  const ms = performance.now() - t0;
  const report = scorePlants(result, planted, synonyms);
  for (const disguise of [...DISGUISES, 'overall' as const]) {
    const r = report.recall[disguise];
    emit({ bench: 'reuse_eval', disguise, found: r.found, total: r.total, recall: Number(r.recall.toFixed(4)) });
  }
  const p = report.precision;
  emit({ bench: 'reuse_eval', metric: 'precision', alike: p.alike, total: p.total, precision: Number(p.precision.toFixed(4)), ms: Math.round(ms) });

  // The winnowed seed index (config `winnow`), for comparison with the default every-k-gram index.
  const winnowed = { ...DEFAULT_REUSE_CONFIG, winnow: 8 };
  const big = syntheticCorpus({ docs: BASE_DOCS * 10, seed: SEED, sample, synonyms });
  const tw = performance.now();
  const wRows = detectReuse(big, winnowed, synonyms, LEXICON).reuse.length;
  const wMs = performance.now() - tw;
  const wReport = scorePlants(detectReuse(planted.docs, winnowed, synonyms, LEXICON), planted, synonyms);
  emit({
    bench: 'reuse_winnow',
    winnow: winnowed.winnow,
    docs: big.length,
    ms: Math.round(wMs),
    rows: wRows,
    min_recall: Math.min(...DISGUISES.map((d) => wReport.recall[d].recall)),
    precision: Number(wReport.precision.precision.toFixed(4)),
  });
}

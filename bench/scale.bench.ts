/**
 * Ingest at scale: a generated corpus of N documents (`bench/scale-corpus.ts`; N from
 * `npm run bench -- --docs 1000,10000`, 1,000 by default), with each stage's time and MB/s, peak
 * memory, database size and reuse rows, against ceilings measured in the same run on the same text:
 * reading and decoding the files, and raw nodejieba `cut` on one thread (and that times the cores,
 * the most a parallel ingest could reach); then the dashboard on that database
 * (`bench/dashboard-measure.ts`). The ingest runs in a child process, so its peak memory is its own;
 * with several sizes, each size's stage times are also given as ratios to the size before.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../ingest/config';
import { loadLexicon } from '../ingest/lexicon';
import type { IngestSummary } from '../ingest/pipeline';
import { listFiles, readInput } from '../ingest/stages/read';
import { loadTokenizer } from '../ingest/stages/tokenize';
import type { Emit } from './run';
import { writeScaleCorpus } from './scale-corpus';
import { measureDashboard } from './dashboard-measure';
import { drift, measureInvariants, type ScaleInvariants } from './scale-invariants';

const ROOT = join(import.meta.dirname, '..');

/** The scale issue's targets: throughput, peak memory, stage-time growth per tenfold, and the dashboard's. */
const TARGETS = { mbPerS: 3, peakRssMb: 6 * 1024, stageRatio: 11, firstChartMs: 3000, changeMedianMs: 200, changeP95Ms: 400, heapMb: 500 };
/**
 * How far a per-document figure (`scale-invariants.ts`) may move from the smallest size measured in
 * the run, as a ratio either way. The recycled share falls a little as a corpus grows, by design: a
 * sentence that two units share among 1,000 documents is found in a third unit's report among
 * 100,000 and counts as common stock (median share 0.290, 0.269, 0.254 at 1,000, 10,000, 100,000 in run G).
 */
const INVARIANT_DRIFT = 1.25;

/** One target checked: what, the bound, the figure measured, whether it is met. */
interface TargetCheck {
  readonly what: string;
  readonly target: string;
  readonly value: number;
  readonly met: boolean;
}

const atMost = (what: string, value: number, bound: number): TargetCheck => ({ what, target: `≤ ${bound}`, value: +value.toFixed(2), met: value <= bound });
const atLeast = (what: string, value: number, bound: number): TargetCheck => ({ what, target: `≥ ${bound}`, value: +value.toFixed(2), met: value >= bound });

/** The dashboard's figures checked against the targets, from the records `measureDashboard` emitted. */
function dashboardChecks(records: readonly Record<string, unknown>[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of records) {
    const metric = String(r['metric']);
    if (metric === 'first_chart_ms') checks.push(atMost('dashboard first chart, median ms', Number(r['median']), TARGETS.firstChartMs));
    else if (metric.startsWith('filter_change_ms')) {
      const view = metric.replace('filter_change_ms_', '');
      checks.push(atMost(`dashboard ${view} filter change, median ms`, Number(r['median']), TARGETS.changeMedianMs));
      checks.push(atMost(`dashboard ${view} filter change, p95 ms`, Number(r['p95']), TARGETS.changeP95Ms));
    } else if (metric === 'memory') checks.push(atMost('dashboard tab JS heap, highest MB', Number(r['js_heap_max_mb']), TARGETS.heapMb));
  }
  return checks;
}

/** Document counts to measure: `REPORTSCOPE_BENCH_DOCS` (set by `--docs`), else 1,000. */
function sizes(): number[] {
  const list = (process.env['REPORTSCOPE_BENCH_DOCS'] ?? '1000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return list.length ? list : [1000];
}

/** A stage the ingest child finished: wall time since its start and its peak resident set so far. */
interface StageMark {
  readonly stage: string;
  readonly ms: number;
  readonly peakRssMb: number;
}

/** What the ingest child reported: the summary when it finished, the stages it got through either way. */
type ChildRun =
  | { readonly ok: true; readonly summary: IngestSummary; readonly ms: number; readonly peakRssMb: number; readonly stages: StageMark[] }
  | { readonly ok: false; readonly error: string; readonly stages: StageMark[] };

/** Run the ingest in a process of its own (`bench/ingest-child.ts`): its own peak memory, nothing of the bench's. */
function ingestInChild(input: string, db: string): ChildRun {
  let out: string;
  let error: string | null = null;
  try {
    out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/ingest-child.ts'), input, db], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const failed = e as { stdout?: string; stderr?: string; status?: number | null; signal?: string | null };
    out = failed.stdout ?? '';
    const last = (failed.stderr ?? '').trim().split('\n').filter(Boolean).slice(-3).join(' | ');
    error = `ingest ${failed.signal ? `killed by ${failed.signal}` : `exited with ${failed.status}`}: ${last}`;
  }
  const lines = out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as StageMark | { summary: IngestSummary; ms: number; peakRssMb: number });
  const stages = lines.filter((l): l is StageMark => 'stage' in l);
  const end = lines.find((l) => 'summary' in l);
  if (error !== null || !end || !('summary' in end)) return { ok: false, error: error ?? 'ingest printed no summary', stages };
  return { ok: true, ...end, stages };
}

/** `figures` with each value to 4 significant digits. */
function roundAll(figures: ScaleInvariants): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, +v.toPrecision(4)]));
}

export default async function bench(emit: Emit): Promise<void> {
  const config = defaultConfig(ROOT);
  let previous: { docs: number; ms: number; stageMs: Record<string, number>; peakRssMb: number } | null = null;
  let smallest: { docs: number; figures: ScaleInvariants } | null = null;
  for (const n of sizes()) {
    const dir = mkdtempSync(join(tmpdir(), 'reportscope-scale-'));
    try {
      const input = join(dir, 'in');
      const corpus = writeScaleCorpus(n, input);
      const files = listFiles(input);
      const mb = corpus.bytes / 1e6;

      const r0 = performance.now();
      const texts: string[] = [];
      for (const f of files) {
        const read = await readInput(f);
        if (read.ok) texts.push(read.text);
      }
      const readMs = performance.now() - r0;

      const tokenizer = loadTokenizer(config.userDict, config.stopwords, loadLexicon(config.lexicon));
      const j0 = performance.now();
      for (const t of texts) tokenizer.cut(t);
      const jiebaMs = performance.now() - j0;
      texts.length = 0;

      const db = join(dir, 'corpus.duckdb');
      const run = ingestInChild(input, db);
      // the peak resident set at the end of each stage (passes 1 and 2 are clean and tokenize)
      const peakByStage = Object.fromEntries(run.stages.map((m) => [m.stage, m.peakRssMb]));
      // wall time at the end of each pass (stage_ms adds up the threads' time; this is the clock's)
      const wallByStage = Object.fromEntries(run.stages.map((m) => [m.stage, m.ms]));
      if (!run.ok) {
        emit({
          bench: 'scale',
          docs: n,
          mb: +mb.toFixed(1),
          failed: run.error,
          reached: run.stages.at(-1) ?? null,
          wall_ms_at_end_of: wallByStage,
          peak_rss_mb_by_stage: peakByStage,
        });
        break;
      }
      const { summary, ms, peakRssMb } = run;
      const cores = availableParallelism();
      const mbps = mb / (ms / 1000);
      const jiebaMbps = mb / (jiebaMs / 1000);
      emit({
        bench: 'scale',
        docs: n,
        documents: summary.documents,
        mb: +mb.toFixed(1),
        ms: Math.round(ms),
        mb_per_s: +mbps.toFixed(2),
        stage_ms: summary.stageMs,
        stage_mb_per_s: Object.fromEntries(Object.entries(summary.stageMs).map(([k, v]) => [k, v > 0 ? +(mb / (v / 1000)).toFixed(1) : null])),
        read_decode_ms: Math.round(readMs),
        ratio_vs_read_decode: +(ms / readMs).toFixed(1),
        jieba_1_thread_mb_per_s: +jiebaMbps.toFixed(2),
        ratio_vs_jieba_1_thread: +(mbps / jiebaMbps).toFixed(3),
        cores,
        ratio_vs_jieba_all_cores: +(mbps / (jiebaMbps * cores)).toFixed(3),
        reuse_rows: summary.reusePassages,
        db_mb: +(statSync(db).size / 1e6).toFixed(1),
        peak_rss_mb: peakRssMb,
        wall_ms_at_end_of: wallByStage,
        peak_rss_mb_by_stage: peakByStage,
      });
      const checks: TargetCheck[] = [atLeast('end-to-end MB/s', mbps, TARGETS.mbPerS), atMost('peak RSS MB', peakRssMb, TARGETS.peakRssMb)];
      if (previous) {
        const stages = Object.keys(summary.stageMs).filter((k) => k !== 'setup' && (previous!.stageMs[k] ?? 0) > 0);
        emit({
          bench: 'scale-ratio',
          docs: `${previous.docs} → ${n}`,
          docs_ratio: +(n / previous.docs).toFixed(1),
          wall_ratio: +(ms / previous.ms).toFixed(2),
          stage_ratio: Object.fromEntries(stages.map((k) => [k, +(summary.stageMs[k]! / previous!.stageMs[k]!).toFixed(2)])),
          peak_rss_ratio: +(peakRssMb / previous.peakRssMb).toFixed(2),
        });
        if (n === 10 * previous.docs) {
          for (const k of stages)
            checks.push(atMost(`${k} time ×${n / previous.docs} documents`, summary.stageMs[k]! / previous.stageMs[k]!, TARGETS.stageRatio));
        }
      }
      previous = { docs: n, ms, stageMs: summary.stageMs, peakRssMb };
      // the per-document figures, which must read the same at every size
      const figures = await measureInvariants(db);
      const moved = smallest ? drift(smallest.figures, figures) : null;
      emit({ bench: 'scale-invariants', docs: n, ...roundAll(figures), ...(moved && smallest ? { ratio_to: smallest.docs, ratio: moved } : {}) });
      if (moved) {
        for (const [k, r] of Object.entries(moved))
          checks.push({
            what: `${k} at ${n} ÷ at ${smallest!.docs} documents`,
            target: `${(1 / INVARIANT_DRIFT).toFixed(2)} – ${INVARIANT_DRIFT}`,
            value: r,
            met: r >= 1 / INVARIANT_DRIFT && r <= INVARIANT_DRIFT,
          });
      }
      smallest ??= { docs: n, figures };
      // the dashboard on the database just written (first chart, filter changes, memory)
      const dashboard: Record<string, unknown>[] = [];
      await measureDashboard(
        db,
        (r) => {
          dashboard.push(r);
          emit(r);
        },
        { label: { docs: n } },
      );
      checks.push(...dashboardChecks(dashboard));
      const missed = checks.filter((c) => !c.met);
      emit({ bench: 'scale-targets', docs: n, met: `${checks.length - missed.length} of ${checks.length}`, missed, checks });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * The sample's own reuse, as a careful reader finds it, on the pipeline's cleaned documents (see
 * sample-docs.ts).
 *
 * What the sample holds (read by hand):
 *  - the 2023 plan (001) and the 2024 plan (000) share two mandated sentences, 意识形态工作总体要求是:
 *    坚持以习近平新时代中国特色社会主义思想为指导 and 深刻领悟“两个确立”的决定性意义,增强“四个意识”、
 *    坚定“四个自信”、做到“两个维护”, and nothing else of 25 characters or more;
 *  - across the sample, documents share only such stock sentences: 事关党的前途命运,事关国家长治久安,
 *    事关民族凝聚力和向心力 (spun article, 2024 教体 plan, 2024 X镇 述职), 意识形态工作是党的一项极端重要的
 *    工作,关乎旗帜… (__社区 report and spun article); no document copies another beyond formulas;
 *  - the spun 市商务局 summary (002, lines 124-144) was posted twice in the raw file; cleaning keeps it once.
 *    Against the other sample documents it shares only clauses shorter than the 25-character minimum,
 *    e.g. 树立抓意识形态工作是本职、不抓是失职 with the spun article (also 002) — its source is not in the
 *    sample. Its spin (职责制, 情景, 进取, 供给, 经过, 必须成绩) is undone by the synonym table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { detectReuse, DEFAULT_REUSE_CONFIG, loadSynonyms, reuseTableRows, type ReuseDoc, type ReuseResult, type ReuseRow } from '../../ingest/stages/reuse';
import { LEXICON, rawFile, SYNONYMS_PATH } from './fixtures';
import { ingestSample, type ReuseTables } from './sample-docs';

const synonyms = loadSynonyms(SYNONYMS_PATH, LEXICON);
const bare = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');

function docWith(docs: readonly ReuseDoc[], needle: string): ReuseDoc {
  const found = docs.filter((d) => d.text.includes(needle));
  if (found.length !== 1) throw new Error(`expected one document containing ${needle}, found ${found.length}`);
  return found[0]!;
}

/** The row joining documents x and y, oriented so that side x comes first. */
function between(result: ReuseResult, x: number, y: number): { sx: [number, number]; sy: [number, number]; row: ReuseRow }[] {
  return result.reuse
    .toArray()
    .filter((r) => (r.docA === x && r.docB === y) || (r.docA === y && r.docB === x))
    .map((row) =>
      row.docA === x ? { sx: [row.startA, row.endA], sy: [row.startB, row.endB], row } : { sx: [row.startB, row.endB], sy: [row.startA, row.endA], row },
    );
}

describe('natural reuse in the sample corpus', () => {
  let docs: ReuseDoc[];
  let tables: ReuseTables;
  let result: ReuseResult;

  beforeAll(async () => {
    ({ docs, tables } = await ingestSample());
    result = detectReuse(docs, DEFAULT_REUSE_CONFIG, synonyms, LEXICON);
    console.log(`natural reuse on ${docs.length} documents from the pipeline: ${result.reuse.length} rows, ${result.clusters.length} clusters`);
  });

  it('is what the pipeline wrote to the reuse tables', () => {
    const sorted = (rows: readonly object[]): string[] => rows.map((r) => JSON.stringify(r)).sort();
    const expected = reuseTableRows(result);
    expect(tables.reuse.length).toBeGreaterThan(0);
    for (const name of ['reuse', 'reuse_clusters', 'doc_reuse'] as const) {
      expect(sorted(tables[name]), name).toEqual(sorted([...expected[name]]));
    }
  });

  describe('the 2023 and 2024 plans', () => {
    const SHARED = [
      '意识形态工作总体要求是:坚持以习近平新时代中国特色社会主义思想为指导',
      '深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、做到“两个维护”',
    ];

    it.each(SHARED)('share %s', (sentence) => {
      const plan2023 = docWith(docs, '2023年意识形态工作总体要求是');
      const plan2024 = docWith(docs, '2024年是新中国成立75周年');
      const rows = between(result, plan2023.docId, plan2024.docId).filter(
        ({ sx, sy }) => bare(plan2023.text.slice(...sx)).includes(bare(sentence)) && bare(plan2024.text.slice(...sy)).includes(bare(sentence)),
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.row.similarity).toBe(1);
      expect(rows[0]!.row.docA).toBe(plan2023.docId); // the earlier plan comes first
      expect(result.clusters[rows[0]!.row.clusterId - 1]!.kind).toBe('formula');
    });

    it('share nothing but those formulas', () => {
      const plan2023 = docWith(docs, '2023年意识形态工作总体要求是');
      const plan2024 = docWith(docs, '2024年是新中国成立75周年');
      expect(between(result, plan2023.docId, plan2024.docId)).toHaveLength(2);
      for (const d of [plan2023, plan2024]) {
        expect(result.docReuse.find((r) => r.docId === d.docId)).toMatchObject({ reusedChars: 0, topPartner: null });
      }
    });
  });

  describe('stock sentences of the genre', () => {
    it('事关党的前途命运… recurs across at least three units and is a formula', () => {
      const rows = result.reuse
        .toArray()
        .filter((r) => bare(docs.find((d) => d.docId === r.docA)!.text.slice(r.startA, r.endA)).includes('事关党的前途命运事关国家长治久安'));
      expect(rows.length).toBeGreaterThanOrEqual(1);
      const cluster = result.clusters[rows[0]!.clusterId - 1]!;
      expect(cluster).toMatchObject({ kind: 'formula', reason: 'spread' });
      expect(cluster.nDocs).toBeGreaterThanOrEqual(3);
    });

    it('意识形态工作是党的一项极端重要的工作,关乎旗帜… joins the __社区 report and the spun article as a formula', () => {
      const community = docWith(docs, '__社区以十九大精神为指引');
      const article = docWith(docs, '宣传部门作为各级党委主管意识形态工作的综合职能部门');
      const rows = between(result, community.docId, article.docId);
      expect(rows).toHaveLength(1);
      expect(bare(article.text.slice(...rows[0]!.sy))).toBe('意识形态工作是党的一项极端重要的工作关乎旗帜关乎道路关乎国家的政治安全');
      expect(result.clusters[rows[0]!.row.clusterId - 1]!.kind).toBe('formula');
    });

    it('are all the sample shares across documents: no document has recycled copy text', () => {
      for (const d of result.docReuse) expect(d.reusedChars, `doc ${d.docId}`).toBe(0);
      expect(result.clusters.filter((c) => c.kind === 'copy').map((c) => c.reason)).toEqual(
        result.clusters.filter((c) => c.kind === 'copy').map(() => 'repeat'),
      );
    });
  });

  describe('the spun 市商务局 summary', () => {
    const MARK = '现将市商务局意识意识形态工作职责制工作总结如下';

    it('was posted twice in the raw file: one row covers the whole repeated report', () => {
      const lines = rawFile('002').split('\n');
      const report = lines.slice(123, 144).join('\n');
      const body = lines.slice(124, 134).join('\n');
      const first = report.indexOf(body);
      const second = report.indexOf(body, first + 1);
      expect(second).toBeGreaterThan(first);
      const { reuse, clusters } = detectReuse([{ docId: 1, text: report, year: null, org: '市商务局' }], DEFAULT_REUSE_CONFIG, synonyms, LEXICON);
      expect(reuse).toHaveLength(1);
      const r = reuse.at(0);
      expect(r.docA).toBe(r.docB);
      expect(r.startA).toBe(first);
      expect(r.startB).toBe(second);
      expect(r.endA - r.startA).toBeGreaterThanOrEqual(body.length - 1);
      expect(clusters[0]!.reason).toBe('repeat');
    });

    it('is kept once by cleaning and shares no passage of 25 characters with another sample document', () => {
      const report = docWith(docs, MARK);
      expect(report.text.indexOf('一、主要工作情景')).toBe(report.text.lastIndexOf('一、主要工作情景'));
      expect(result.reuse.toArray().filter((r) => r.docA === report.docId || r.docB === report.docId)).toEqual([]);
      expect(result.docReuse.find((r) => r.docId === report.docId)).toMatchObject({ reusedChars: 0, share: 0, topPartner: null });
    });

    it('shares shorter stock clauses with the spun article, found when the minimum is lowered', () => {
      const report = docWith(docs, MARK);
      const article = docWith(docs, '宣传部门作为各级党委主管意识形态工作的综合职能部门');
      const short = detectReuse(docs, { ...DEFAULT_REUSE_CONFIG, minChars: 15, minChainSpan: 10 }, synonyms, LEXICON);
      const texts = between(short, report.docId, article.docId).map(({ sx }) => bare(report.text.slice(...sx)));
      expect(texts).toContainEqual(expect.stringContaining('树立抓意识形态工作是本职不抓是失职'));
    });

    it('reads as its standard wording once the spin is undone by the synonym table', () => {
      const report = docWith(docs, MARK);
      const at = report.text.indexOf('(一)明确职责');
      const spun = report.text.slice(at, report.text.indexOf('\n', at));
      const standard = spun
        .replaceAll('职责', '责任')
        .replaceAll('情景', '情况')
        .replaceAll('进取', '积极')
        .replaceAll('供给', '提供')
        .replaceAll('经过', '通过')
        .replaceAll('创立', '创建');
      const swapped = Array.from(spun).filter((c, i) => c !== standard[i]).length;
      expect(swapped).toBeGreaterThanOrEqual(10);
      const host = docWith(docs, '2023年意识形态工作总体要求是');
      const planted = { ...host, text: `${host.text}\n${standard}` };
      const withTable = detectReuse([report, planted], DEFAULT_REUSE_CONFIG, synonyms, LEXICON).reuse.toArray();
      const without = detectReuse([report, planted], DEFAULT_REUSE_CONFIG, new Map(), LEXICON).reuse.toArray();
      const cover = (rows: readonly ReuseRow[]): ReuseRow | undefined =>
        rows.find((r) => (r.docA === report.docId ? r.endA - r.startA : r.endB - r.startB) >= spun.length - 2);
      expect(cover(withTable)?.similarity).toBe(1);
      expect(cover(without)?.similarity ?? 0).toBeLessThan(1);
    });
  });
});

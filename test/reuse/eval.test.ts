/**
 * The labelled evaluation: real passages of the sample planted into other sample documents with each
 * disguise (fixed seed); recall per disguise and precision judged by an independent oracle.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { detectReuse, DEFAULT_REUSE_CONFIG, loadSynonyms, type ReuseResult } from '../../ingest/stages/reuse';
import { LEXICON, loadFixtureDocs, SYNONYMS_PATH } from './fixtures';
import { DISGUISES, EVAL_PLANTING, plantCorpus, type PlantedCorpus } from './plant';
import { formatReport, scorePlants, type EvalReport } from './score';

describe('labelled evaluation: planted copies in the sample corpus', () => {
  const synonyms = loadSynonyms(SYNONYMS_PATH, LEXICON);
  let corpus: PlantedCorpus;
  let result: ReuseResult;
  let report: EvalReport;

  beforeAll(() => {
    corpus = plantCorpus(loadFixtureDocs(), { ...EVAL_PLANTING, synonyms });
    result = detectReuse(corpus.docs, DEFAULT_REUSE_CONFIG, synonyms, LEXICON);
    report = scorePlants(result, corpus, synonyms);
    console.log(
      [`reuse eval: ${corpus.plants.length} plants in ${corpus.docs.length} documents, seed ${EVAL_PLANTING.seed}`, ...formatReport(report)].join('\n'),
    );
  });

  it('plants real passages of at least 40 characters with every disguise', () => {
    for (const kind of DISGUISES) expect(corpus.plants.filter((p) => p.disguise === kind)).toHaveLength(EVAL_PLANTING.perDisguise);
    for (const p of corpus.plants) {
      expect(p.sourceEnd - p.sourceStart).toBeGreaterThanOrEqual(40);
      expect(p.sourceDoc).not.toBe(p.targetDoc);
      expect(corpus.docs.find((d) => d.docId === p.targetDoc)!.text.slice(p.targetStart, p.targetEnd)).toBe(p.text);
    }
  });

  it('finds at least 95 % of all plants and 90 % of each disguise', () => {
    expect(report.recall.overall.recall).toBeGreaterThanOrEqual(0.95);
    for (const kind of DISGUISES) expect(report.recall[kind].recall, kind).toBeGreaterThanOrEqual(0.9);
  });

  it('reports pairs that are really alike (precision at least 0.95)', () => {
    expect(report.precision.total).toBeGreaterThanOrEqual(corpus.plants.length);
    expect(report.precision.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('needs the synonym table for spun copies to read as identical', () => {
    const spun = corpus.plants.filter((p) => p.disguise === 'spun');
    const plain = detectReuse(corpus.docs, DEFAULT_REUSE_CONFIG, new Map(), LEXICON);
    const mean = (r: ReuseResult): number => {
      const sims = spun.map((p) =>
        Math.max(
          0,
          ...r.reuse
            .toArray()
            .filter((row) => [row.docA, row.docB].includes(p.sourceDoc) && [row.docA, row.docB].includes(p.targetDoc))
            .filter(
              (row) => (row.docA === p.targetDoc ? row.startA : row.startB) < p.targetEnd && (row.docA === p.targetDoc ? row.endA : row.endB) > p.targetStart,
            )
            .map((row) => row.similarity),
        ),
      );
      return sims.reduce((s, x) => s + x, 0) / sims.length;
    };
    expect(mean(result)).toBeGreaterThan(mean(plain) + 0.05);
  });
});

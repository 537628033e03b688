/**
 * One offset unit: a character outside the BMP (𠮷, an emoji) before a theme hit and a KWIC match.
 * The real ingest writes the database; the web's own queries (through the node connector) give the
 * concordance and the KWIC line; the reader's conversion (common/offsets.ts, as DocumentReader uses it)
 * gives the highlight. All three must show exactly the matched term.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCodePoints, toStringIndices } from '../../common/offsets';
import { defaultConfig } from '../../ingest/config';
import { runIngest } from '../../ingest/pipeline';
import { documentById, documentThemeHits } from '../../web/queries/documents';
import { NO_FILTERS } from '../../web/queries/filters';
import { kwicLines } from '../../web/queries/kwic';
import { runQuery } from '../../web/db/statement';
import { themeHitLines } from '../../web/queries/themes';
import { segmentText } from '../../web/text/segments';
import { ROOT } from '../ingest/helpers';
import { openCorpusFile, type TestDb } from './node-connector';
import { tempDir } from '../fixtures/temp';

const TERM = '意识形态';
/** A theory_study term of data/themes.txt that the text holds after 𠮷 and 😀. */
const HIT = '理论学习中心组';
const TEXT = [
  '青石镇2023年意识形态工作总结',
  '今年以来,𠮷祥村和😀群众服务站认真落实上级部署,我镇把意识形态工作摆在突出位置,全年开展专题学习12次。',
  '镇党委理论学习中心组坚持每月集中学习,组织党员干部深入村组宣讲党的创新理论,群众知晓率明显提高。',
  '对辖区内的宣传栏、电子屏和微信群进行全面排查,及时清理过时内容,确保意识形态领域安全稳定。',
].join('\n');

describe('offsets are code points everywhere (𠮷 and an emoji before the match)', () => {
  let db: TestDb;
  beforeAll(async () => {
    const dir = tempDir('offsets');
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'astral.txt'), TEXT);
    const config = defaultConfig(ROOT, { input: join(dir, 'in'), db: join(dir, 'corpus.duckdb') });
    await runIngest(config);
    db = await openCorpusFile(config.db);
  }, 60_000);
  afterAll(() => db?.close());

  it('stores theme hits as code points: substring() in SQL returns the term', async () => {
    const rows = (
      await db.conn.runAndReadAll(
        `SELECT h.term, substring(d.text, h."start" + 1, h."end" - h."start") AS span FROM corpus.theme_hits h JOIN corpus.documents d USING (doc_id)`,
      )
    ).getRowObjectsJS();
    expect(rows.map((r) => r['term'])).toContain(HIT);
    for (const r of rows) expect(r['span']).toBe(r['term']);
  });

  it('shows the term as the concordance match', async () => {
    const lines = await runQuery(db.connector, themeHitLines(NO_FILTERS, { theme: 'theory_study', by: 'year', key: null }, 6, 50));
    const hits = lines.filter((l) => l.term === HIT);
    expect(hits).toHaveLength(1);
    for (const l of lines) expect(l.match).toBe(l.term);
  });

  it('shows the term as the KWIC match, at a position the reader highlights exactly', async () => {
    const [doc] = await runQuery(db.connector, documentById(1));
    const text = doc!.text;
    const lines = await runQuery(db.connector, kwicLines(NO_FILTERS, TERM, 4, 50));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const ix = toStringIndices(text);
    for (const l of lines) {
      expect(l.match).toBe(TERM);
      expect(text.slice(ix(l.pos), ix(l.pos + TERM.length))).toBe(TERM);
    }
    // after 𠮷 and 😀 a code-point position and a string index differ by two
    const afterAstral = lines.at(-1)!.pos;
    expect(ix(afterAstral) - afterAstral).toBe(2);
    expect(toCodePoints(text)(ix(afterAstral))).toBe(afterAstral);
  });

  it("highlights exactly the term in the reader (theme hits through the reader's conversion)", async () => {
    const [doc] = await runQuery(db.connector, documentById(1));
    const text = doc!.text;
    const ix = toStringIndices(text);
    const hits = await runQuery(db.connector, documentThemeHits(1));
    expect(hits.map((h) => h.term)).toContain(HIT);
    for (const h of hits) {
      const segments = segmentText(text.length, [{ start: ix(h.start), end: ix(h.end), kind: 'theme' as const }]);
      const marked = segments.filter((s) => s.marks.length > 0).map((s) => text.slice(s.start, s.end));
      expect(marked).toEqual([h.term]);
    }
  });
});

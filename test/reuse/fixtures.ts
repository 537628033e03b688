/**
 * A tiny stand-in for the ingest pipeline, for the reuse tests: reads `data/raw/*.txt`, converts to
 * Simplified, drops the obvious site wrappers, rejoins viewer page markers (`N、` at the start of a
 * line, counting pages) and keeps each repeated line once. One document per file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSimplified } from '../../ingest/stages/clean/script';
import { loadLexicon } from '../../ingest/lexicon';
import type { ReuseDoc } from '../../ingest/stages/reuse';

/** The repository root and the bundled sample. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** Folder of the bundled sample corpus. */
export const RAW_DIR = join(ROOT, 'data', 'raw');
/** The synonym table shipped with the project. */
export const SYNONYMS_PATH = join(ROOT, 'data', 'dict', 'synonyms.tsv');
/** The genre lexicon shipped with the project (placeholders, placeholder unit characters, mandated formulations). */
export const LEXICON = loadLexicon(join(ROOT, 'data', 'lexicon.txt'));

const WRAPPER_LINE = [/^下面是小编/, /^推荐访问/, /^《.*》由会员分享/, /\.docx?$/, /^-\s*(范文问答|答案列表)/, /^时间[::]/, /^导语[::]/];
const TAIL = /^-\s*(配套讲稿|特殊限制|关\s*键\s*词)/;

/** A sample file read crudely into one document. */
export interface FixtureDoc extends ReuseDoc {
  readonly file: string;
}

/** Crude cleanup of one file's text (see the module comment). */
export function crudeClean(raw: string): string {
  const text = toSimplified(raw).replace(/(\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/gu, '$1');
  const out: string[] = [];
  const seen = new Set<string>();
  let page = 1;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (TAIL.test(line)) break;
    if (line === '' || WRAPPER_LINE.some((re) => re.test(line))) continue;
    const marker = /^(\d+)、/.exec(line);
    if (marker && Number(marker[1]) === page) {
      page += 1;
      const body = line.slice(marker[0].length);
      if (page > 2 && out.length > 0) out[out.length - 1] += body;
      else out.push(body);
      continue;
    }
    if (line.length >= 20 && seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out.join('\n');
}

/**
 * Where the documents inside each sample file begin (a careful reading of the sample, like a golden
 * file), with the year each is about and its issuing unit. The first document starts at the file start.
 */
const DOCUMENTS: Record<string, readonly { marker: string; year: number | null; org: string | null }[]> = {
  '000': [
    { marker: '', year: 2024, org: '*局' },
    { marker: '奋力走好新时代宣传思想文化“赶考路”', year: 2024, org: null },
  ],
  '001': [{ marker: '', year: 2023, org: null }],
  '002': [
    { marker: '', year: 2021, org: '县电子政务办' },
    { marker: '今年以来,__社区以十九大精神为指引', year: 2021, org: '__社区' },
    { marker: '一、加强组织领导,落实意识形态工作', year: null, org: '敖泉镇' },
    { marker: '意识形态工作是党的一项极端重要的工作,关乎旗帜', year: null, org: null },
    { marker: '根据中央《党委(党组意识形态工作职责制实施办法》', year: null, org: '市商务局' },
  ],
  '003': [
    { marker: '', year: 2024, org: '市教体局' },
    { marker: '2024意识形态工作责任制落实情况报告述职报告', year: 2024, org: 'X镇' },
    { marker: '社区季度意识形态工作分析研判报告', year: null, org: '*社区' },
  ],
  '004': [{ marker: '', year: 2020, org: '县民政局' }],
};

/** The sample corpus as documents (docId 1.., in file order, then position in the file). */
export function loadFixtureDocs(): FixtureDoc[] {
  const out: FixtureDoc[] = [];
  for (const file of readdirSync(RAW_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = crudeClean(readFileSync(join(RAW_DIR, file), 'utf8'));
    const parts = DOCUMENTS[file.slice(0, 3)] ?? [{ marker: '', year: null, org: null }];
    const starts = parts.map((p) => {
      const at = p.marker ? text.indexOf(p.marker) : 0;
      if (at < 0) throw new Error(`${file}: document start not found: ${p.marker}`);
      return at;
    });
    parts.forEach((p, i) => {
      const body = text.slice(starts[i], starts[i + 1] ?? text.length).trim();
      out.push({ file, docId: out.length + 1, text: body, year: p.year, org: p.org });
    });
  }
  return out;
}
/** The raw text of the sample file whose name starts with `prefix` (e.g. `002`). */
export function rawFile(prefix: string): string {
  const file = readdirSync(RAW_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no sample file ${prefix}*`);
  return readFileSync(join(RAW_DIR, file), 'utf8');
}

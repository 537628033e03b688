/**
 * A realistic corpus of N documents for scale measurements, deterministic for a seed: under invented
 * units, years and genre titles, documents whose sentences are mostly new, made by a word-level
 * Markov chain (order 2, over jieba's tokens) trained on the sentences of the bundled sample (the only
 * real text the repository ships), so that they share the genre's common phrases but rarely a whole
 * sentence; a tenth of the sentences are the sample's own, the stock phrases every report repeats;
 * template passages shared by 1 %–20 % of the documents; a few very popular mandated formulations;
 * Traditional-script and synonym-spun copies; some files in GB18030; one document per file, 500 files
 * a folder.
 *
 * A corpus made of the sample's 317 sentences alone would make every document a copy of every other
 * (each sentence in thousands of documents) and measure a collection no analyst has.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { loadLexicon } from '../ingest/lexicon';
import { fileDocuments } from '../ingest/file-work';
import { loadWrapperRules } from '../ingest/stages/clean/wrappers';
import { decodeText } from '../ingest/stages/decode';
import { prng } from '../test/fixtures/prng';
import { defaultConfig } from '../ingest/config';
import { loadTokenizer } from '../ingest/stages/tokenize';

const ROOT = join(import.meta.dirname, '..');

/** What was written. */
export interface ScaleCorpus {
  readonly documents: number;
  readonly bytes: number;
  readonly sentences: number;
}

/** Finished sentences of the sample's documents, as the ingest cleans them (12 to 160 characters). */
function sampleSentences(): string[] {
  const lexicon = loadLexicon(join(ROOT, 'data/lexicon.txt'));
  const wrapperRules = loadWrapperRules(join(ROOT, 'data/rules/site-wrappers.json'));
  const out = new Set<string>();
  for (const f of readdirSync(join(ROOT, 'data/raw')).sort()) {
    const decoded = decodeText(new Uint8Array(readFileSync(join(ROOT, 'data/raw', f))));
    if (!decoded.ok) continue;
    for (const d of fileDocuments(decoded.text, { wrapperRules, minRepeatChars: 80, nowYear: 2026, lexicon }).documents) {
      for (const s of d.text.split(/(?<=[。!?;])|\n/u)) {
        const t = s.trim();
        const heading = /^(?:[一二三四五六七八九十]{1,3}\s*[、.是要]|\(|\d{1,2}\s*[、.])/u.test(t);
        if (!heading && t.length >= 12 && t.length <= 160 && /[。!?;]$/u.test(t) && /\p{Script=Han}{6}/u.test(t) && !/如下[:。]?$/u.test(t)) out.add(t);
      }
    }
  }
  return [...out];
}

/** Share of body sentences taken verbatim from the sample: the stock sentences of the genre. */
const STOCK_SHARE = 0.1;

/**
 * New sentences like the sample's: each word drawn after the two before it, as often as it follows
 * them in the sample (an order-2 Markov chain over jieba's tokens), kept when 12–160 characters long.
 */
function sentenceMaker(sentences: readonly string[], rnd: () => number): () => string {
  const config = defaultConfig(ROOT);
  const tokenizer = loadTokenizer(config.userDict, config.stopwords, loadLexicon(config.lexicon));
  const START = '\u0002';
  const END = '\u0003';
  const next = new Map<string, string[]>();
  for (const s of sentences) {
    const words = [START, START, ...tokenizer.cut(s), END];
    for (let i = 2; i < words.length; i++) {
      const key = `${words[i - 2]}\u0000${words[i - 1]}`;
      const list = next.get(key);
      if (list) list.push(words[i]!);
      else next.set(key, [words[i]!]);
    }
  }
  return () => {
    for (;;) {
      let [a, b, out] = [START, START, ''];
      for (;;) {
        const options = next.get(`${a}\u0000${b}`)!;
        const w = options[Math.floor(rnd() * options.length)]!;
        if (w === END || out.length > 160) break;
        out += w;
        [a, b] = [b, w];
      }
      if (out.length >= 12 && out.length <= 160 && /[。!?;]$/u.test(out)) return out;
    }
  };
}

const PLACES = ['东城', '西湖', '南山', '北岭', '青川', '白河', '金沙', '石门', '桃源', '云岭', '长乐', '安平', '松岗', '柳泉', '竹溪', '杏坛'];
const UNITS = ['县统计局', '镇', '街道', '社区', '中学', '人民医院', '供电公司', '县委宣传部', '乡', '村', '县文化和旅游局', '小学'];
const TOPICS = ['意识形态工作', '宣传思想工作', '网络意识形态工作', '精神文明建设工作', '宣传思想文化工作'];
const NUMERALS = '一二三四五六七八九十';
const FORMULAS = [
  '坚持以习近平新时代中国特色社会主义思想为指导,深刻领悟“两个确立”的决定性意义,增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
  '意识形态工作是党的一项极端重要的工作,事关党的前途命运,事关国家长治久安,事关民族凝聚力和向心力。',
  '严格落实意识形态工作责任制,坚持守土有责、守土负责、守土尽责。',
];

/** Write `n` documents under `outDir` (emptied first). */
export function writeScaleCorpus(n: number, outDir: string, seed = 7): ScaleCorpus {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const sentences = sampleSentences();
  const made = sentenceMaker(sentences, rnd);
  const sentence = (): string => (rnd() < STOCK_SHARE ? pick(sentences) : made());
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const spin = readFileSync(join(ROOT, 'data/dict/synonyms.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && l.includes('\t'))
    .map((l) => l.split('\t').map((x) => x.trim()) as [string, string]);
  // templates: a passage of 4–9 sentences, each shared by a share of the documents between 1 % and 20 %
  const templates = Array.from({ length: 24 }, (_, i) => ({
    text: Array.from({ length: 4 + Math.floor(rnd() * 6) }, made).join(''),
    share: 0.01 + (0.19 * i) / 23,
  }));
  rmSync(outDir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const unit = `${pick(PLACES)}${pick(UNITS)}`;
    const year = 2015 + Math.floor(rnd() * 11);
    const plan = rnd() < 0.4;
    const genre = plan ? pick(['工作要点', '工作计划', '实施方案']) : pick(['工作总结', '情况报告', '述职报告']);
    const title = `${unit}${year}年${pick(TOPICS)}${genre}`;
    const parts = [title, plan ? `为做好${year}年工作,结合实际,制定如下安排。` : `${year}年以来,${unit}认真落实上级部署,现将工作情况报告如下。`];
    const target = 1500 + Math.floor(rnd() * 2000);
    let len = 0;
    let section = 0;
    if (rnd() < 0.3) parts.push(pick(FORMULAS));
    for (const t of templates) if (rnd() < t.share) parts.push(t.text);
    while (len < target) {
      if (len === 0 || (rnd() < 0.12 && section < NUMERALS.length))
        parts.push(
          `${NUMERALS[section++]}、${sentence()
            .replace(/[。!?;]$/u, '')
            .slice(0, 18)}`,
        );
      const s = sentence();
      parts.push(s);
      len += s.length;
    }
    let text = `${parts.join('\n')}\n`;
    const roll = rnd();
    if (roll < 0.03) text = toTraditional(text);
    else if (roll < 0.06) for (const [variant, canonical] of spin) text = text.replaceAll(canonical, variant);
    const buf = rnd() < 0.15 ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
    const dir = join(outDir, String(Math.floor(i / 500)).padStart(4, '0'));
    if (i % 500 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${String(i).padStart(7, '0')}.txt`), buf);
    bytes += buf.length;
  }
  return { documents: n, bytes, sentences: sentences.length };
}

/**
 * The formulations stage: mined from the written documents (`mine.ts`), counted per document with one
 * pass of DuckDB's regular expressions over the text, per year, and their lifecycle (`lifecycle.ts`);
 * written to `formulations`, `formulation_docs`, `formulation_years` and `formulation_events`. It reads
 * the `documents` table, so an update's copied documents count like the others.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { INTEGER, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import type { Lexicon } from '../../../common/lexicon';
import type { RowOf } from '../../../common/schema';
import { readDataFile } from '../../data-file';
import { unitKey } from '../reuse/formula';
import type { DatabaseWriter } from '../write';
import { DEFAULT_LIFECYCLE_RULE, lifecycle, type LifecycleRule } from './lifecycle';
import {
  COMPOUND_PATTERN,
  DEFAULT_MINE_RULE,
  mineLiteral,
  mineNumbered,
  NUMBERED_PATTERN,
  QUOTED_PATTERN,
  splitNumbered,
  type Mined,
  type MineRule,
} from './mine';

/** What the stage needs besides the database. */
export interface FormulationsInput {
  readonly lexicon: Lexicon;
  /** The tokenizer's user dictionary: a formulation it lacks is a new term to review. */
  readonly userDict: string;
  readonly mine?: MineRule;
  readonly lifecycle?: LifecycleRule;
}

/**
 * Words of the general dictionary (nodejieba's): the idioms and numeral phrases among its four-character
 * words (一心一意, 一点一滴 are not compound formulations), and every word of up to 12 characters (a word
 * in quotation marks is emphasis, not a set phrase). The domain's own user dictionary is not part of it.
 */
function generalWords(): { idioms: Set<string>; words: Set<string> } {
  const dict = join(dirname(createRequire(import.meta.url).resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
  const idioms = new Set<string>();
  const words = new Set<string>();
  for (const line of readFileSync(dict, 'utf8').split('\n')) {
    const [word, , tag] = line.split(' ');
    if (!word || word.length > 12) continue;
    words.add(word);
    if (word.length === 4 && (tag === 'i' || tag === 'm')) idioms.add(word);
  }
  return { idioms, words };
}

/** The first field of each line of the user dictionary. */
function userDictWords(path: string): Set<string> {
  return new Set(
    readDataFile(path, 'user dictionary')
      .split(/\r?\n/u)
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/u)[0]!),
  );
}

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Mine, count and date the formulations; returns how many were found. */
export async function writeFormulations(db: DatabaseWriter, input: FormulationsInput): Promise<number> {
  const rule = input.mine ?? DEFAULT_MINE_RULE;
  db.flush();
  const docs = await db.rows<{ doc_id: number; org: string | null }>('SELECT doc_id, org FROM documents ORDER BY doc_id');
  const unitOf = new Map(docs.map((d) => [d.doc_id, unitKey(d.doc_id, d.org, input.lexicon)]));
  // each distinct match once, with its documents (one per occurrence): the millions of matches of
  // 100,000 documents, each a row and a string of its own in JavaScript, took 2 GB
  const matches = async (pattern: string) =>
    (
      await db.rows<{ m: string; docs: number[] }>(
        `SELECT m, list(doc_id ORDER BY doc_id) AS docs FROM (SELECT doc_id, unnest(regexp_extract_all(text, ${sqlText(pattern)})) AS m FROM documents) GROUP BY m ORDER BY m`,
      )
    ).map((r) => ({ text: r.m, occurrences: r.docs.map((doc) => ({ doc, unit: unitOf.get(doc)! })) }));
  const numbered = (await matches(NUMBERED_PATTERN)).flatMap(({ text, occurrences }) => {
    const split = splitNumbered(text);
    return split ? occurrences.map((o) => ({ ...split, ...o })) : [];
  });
  const literal = async (pattern: string) => (await matches(pattern)).flatMap(({ text, occurrences }) => occurrences.map((o) => ({ text, ...o })));
  const general = generalWords();
  const mined: Mined[] = [
    ...mineNumbered(numbered, rule),
    ...mineLiteral(await literal(COMPOUND_PATTERN), 'compound', rule, (s) => general.idioms.has(s)),
    ...mineLiteral(await literal(QUOTED_PATTERN), 'quoted', rule, (s) => general.words.has(s)),
  ];
  // one formulation per canonical form, the first way it was found (numbered before quoted); a form of one is not another's
  const byName = new Map<string, Mined>();
  for (const m of mined) if (!byName.has(m.formulation)) byName.set(m.formulation, m);
  const formOf = new Map<string, string>();
  for (const m of byName.values()) for (const f of [m.formulation, ...m.forms]) if (!formOf.has(f)) formOf.set(f, m.formulation);
  if (formOf.size === 0) return 0;

  // count every written form in every document, longest first (the alternation takes the first that matches)
  const forms = [...formOf.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  await db.run(
    'CREATE OR REPLACE TEMP TABLE formulation_forms AS SELECT unnest($1) AS form, unnest($2) AS formulation',
    [listValue(forms), listValue(forms.map((f) => formOf.get(f)!))],
    [LIST(VARCHAR), LIST(VARCHAR)],
  );
  await db.run(
    'CREATE OR REPLACE TEMP TABLE doc_units AS SELECT unnest($1) AS doc_id, unnest($2) AS unit',
    [listValue(docs.map((d) => d.doc_id)), listValue(docs.map((d) => unitOf.get(d.doc_id)!))],
    [LIST(INTEGER), LIST(VARCHAR)],
  );
  await db.run(`INSERT INTO formulation_docs BY NAME
    SELECT x.doc_id, f.formulation, count(*)::INTEGER AS hits
    FROM (SELECT doc_id, unnest(regexp_extract_all(text, ${sqlText(forms.map(escapeRegex).join('|'))})) AS form FROM documents) x
    JOIN formulation_forms f USING (form) GROUP BY ALL ORDER BY x.doc_id, f.formulation`);
  await db.run(`INSERT INTO formulation_years BY NAME
    WITH years AS (SELECT year, count(*)::INTEGER AS year_docs FROM documents WHERE year IS NOT NULL GROUP BY year),
    used AS (SELECT x.formulation, d.year, count(*)::INTEGER AS docs FROM formulation_docs x JOIN documents d USING (doc_id) WHERE d.year IS NOT NULL GROUP BY ALL)
    SELECT f.formulation, y.year, coalesce(u.docs, 0) AS docs, y.year_docs, coalesce(u.docs, 0) / y.year_docs AS share
    FROM (SELECT DISTINCT formulation FROM formulation_docs) f CROSS JOIN years y
    LEFT JOIN used u ON u.formulation = f.formulation AND u.year = y.year
    ORDER BY f.formulation, y.year`);

  const inDict = userDictWords(input.userDict);
  const totals = await db.rows<{ formulation: string; docs: number; hits: number; units: number; first_year: number | null; last_year: number | null }>(
    `SELECT x.formulation, count(*)::INTEGER AS docs, sum(x.hits)::INTEGER AS hits, count(DISTINCT u.unit)::INTEGER AS units,
            min(d.year) AS first_year, max(d.year) AS last_year
     FROM formulation_docs x JOIN documents d USING (doc_id) JOIN doc_units u USING (doc_id) GROUP BY x.formulation ORDER BY x.formulation`,
  );
  const written = new Map<string, Set<string>>();
  for (const [form, name] of formOf) if (form !== name) (written.get(name) ?? written.set(name, new Set()).get(name)!).add(form);
  db.append(
    'formulations',
    totals.map((t): RowOf<'formulations'> => ({
      formulation: t.formulation,
      kind: byName.get(t.formulation)!.kind,
      variants: written.has(t.formulation) ? [...written.get(t.formulation)!].sort().join('、') : null,
      docs: t.docs,
      hits: t.hits,
      units: t.units,
      first_year: t.first_year,
      last_year: t.last_year,
      in_user_dict: inDict.has(t.formulation),
    })),
  );
  const years = await db.rows<{ formulation: string; year: number; docs: number; year_docs: number }>(
    'SELECT formulation, year, docs, year_docs FROM formulation_years ORDER BY formulation, year',
  );
  const byFormulation = new Map<string, { year: number; docs: number; yearDocs: number }[]>();
  for (const y of years)
    (byFormulation.get(y.formulation) ?? byFormulation.set(y.formulation, []).get(y.formulation)!).push({ year: y.year, docs: y.docs, yearDocs: y.year_docs });
  db.append(
    'formulation_events',
    [...byFormulation].flatMap(([formulation, points]) =>
      lifecycle(points, input.lifecycle ?? DEFAULT_LIFECYCLE_RULE).map((e) => ({
        formulation,
        event: e.event,
        year: e.year,
        docs: e.docs,
        year_docs: e.yearDocs,
        peak_year: e.peakYear,
        peak_share: e.peakShare,
      })),
    ),
  );
  await db.run('DROP TABLE formulation_forms');
  await db.run('DROP TABLE doc_units');
  return totals.length;
}

/**
 * `npm run ingest -- [--input DIR] [--db FILE] [--update] [--themes FILE] [--lexicon FILE] [--rules FILE] [--debug]`
 * Exit code 0 when the database was written (even with skipped files), 1 when nothing usable could
 * be written, 2 on a usage error or a broken data file (lexicon, rules: the message names file and line).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DataFileError } from '../common/data-file-error';
import { defaultConfig } from './config';
import { IngestError, runIngest, type IngestSummary } from './pipeline';
import { consoleReporter, printable } from './progress';

const USAGE = `usage: npm run ingest -- [--input DIR] [--db FILE] [--update] [--themes FILE] [--lexicon FILE] [--rules FILE] [--debug]
  --input DIR     folder of documents, read recursively (default data/raw)
  --db FILE       DuckDB file to write (default data/corpus.duckdb)
  --update        process only the files added or changed since the ingest that wrote --db (compared by
                  content hash) and copy the rest from it; the tables across documents (reuse) are derived
                  again. Runs in full, and says why, when there is no such database, it was written by
                  another version, or a data file, setting or the ingest's code changed since
  --themes FILE   theme lexicon (default data/themes.txt)
  --lexicon FILE  genre lexicon: genre words, units, placeholders, dated landmarks … (default data/lexicon.txt)
  --rules FILE    site-chrome rules (default data/rules/site-wrappers.json)
  --synonyms FILE spun-word table for reuse detection (default data/dict/synonyms.tsv)
  --overrides FILE analysts' corrections of year, type, unit (default data/overrides.csv, optional)
  --references DIR reference texts (central documents, speeches …) whose passages count as quotation,
                  not copying (default data/references, optional)
  --user-dict FILE formulations kept whole by the tokenizer (default data/dict/user.dict.utf8)
  --stopwords FILE words not counted as terms (default data/dict/stopwords.txt)
  --debug        print stack traces of unexpected errors`;

/** The end-of-run summary a person reads. */
export function formatSummary(s: IngestSummary): string {
  const lines = [
    `ReportScope ingest → ${printable(s.db)}`,
    `  files      ${s.files} found, ${s.filesIngested} ingested, ${s.skipped.length} skipped`,
    `  documents  ${s.documents}`,
    `  characters ${s.characters.toLocaleString('en')}`,
    `  terms      ${s.tokens.toLocaleString('en')} tokens, ${s.distinctTerms.toLocaleString('en')} distinct`,
    `  reuse      ${s.reusePassages} aligned passages (tables reuse, reuse_clusters, doc_reuse, reuse_pairs)`,
    `  places     ${s.placed} of ${s.documents} documents placed; ${s.unlocalised} names of another jurisdiction left in copied text (tables places, unlocalised)`,
    ...(s.references ? [`  references ${s.references} reference texts; ${s.quotations} passages quoted from them (tables reference_texts, quotations)`] : []),
    `  formulations ${s.formulations} mined (tables formulations, formulation_years, formulation_events)`,
    `  cleaning   ${s.removals} removals, ${s.charsRemoved.toLocaleString('en')} characters (see table cleaning_log)`,
  ];
  const u = s.update;
  if (u?.fullRunReason) lines.push(`  update     full run: ${printable(u.fullRunReason)}`);
  else if (u) {
    lines.push(
      `  update     ${u.unchanged} unchanged, ${u.added} new, ${u.changed} changed, ${u.removed} removed`,
      `             ${s.reprocessed} re-processed${u.unchangedReprocessed ? ` (${u.unchangedReprocessed} unchanged: the learned chrome in them changed, or unreadable)` : ''}, ${s.copied} copied from the last ingest`,
    );
  }
  lines.push(
    `  time       ${(s.ms / 1000).toFixed(1)} s: ${Object.entries(s.stageMs)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`,
  );
  if (s.skipped.length) {
    lines.push('  skipped:');
    for (const k of s.skipped) lines.push(`    ${printable(k.path)}: ${printable(k.reason)}`);
  }
  return lines.join('\n');
}

/** Run the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string' },
        db: { type: 'string' },
        update: { type: 'boolean', default: false },
        themes: { type: 'string' },
        lexicon: { type: 'string' },
        rules: { type: 'string' },
        synonyms: { type: 'string' },
        overrides: { type: 'string' },
        references: { type: 'string' },
        'user-dict': { type: 'string' },
        stopwords: { type: 'string' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = defaultConfig(process.cwd(), {
    ...(values.input ? { input: resolve(values.input) } : {}),
    ...(values.db ? { db: resolve(values.db) } : {}),
    update: values.update,
    ...(values.themes ? { themes: resolve(values.themes) } : {}),
    ...(values.lexicon ? { lexicon: resolve(values.lexicon) } : {}),
    ...(values.rules ? { wrapperRules: resolve(values.rules) } : {}),
    ...(values.synonyms ? { synonyms: resolve(values.synonyms) } : {}),
    ...(values.overrides ? { overrides: resolve(values.overrides) } : {}),
    ...(values.references ? { references: resolve(values.references) } : {}),
    ...(values['user-dict'] ? { userDict: resolve(values['user-dict']) } : {}),
    ...(values.stopwords ? { stopwords: resolve(values.stopwords) } : {}),
  });
  try {
    const summary = await runIngest(config, consoleReporter());
    process.stdout.write(`${formatSummary(summary)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof DataFileError) {
      process.stderr.write(`ingest failed: ${err.message}\n${config.db} left unchanged\n`);
      return 2;
    }
    if (err instanceof IngestError || (err as NodeJS.ErrnoException).code === 'ENOENT' || err instanceof SyntaxError) {
      process.stderr.write(`ingest failed: ${(err as Error).message}\n`);
    } else {
      process.stderr.write(`ingest failed unexpectedly: ${(err as Error).message}\n`);
      if (values.debug) process.stderr.write(`${(err as Error).stack}\n`);
      else process.stderr.write('(run with --debug for the stack trace)\n');
    }
    return 1;
  }
}

// run when started as a program, not when imported
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}

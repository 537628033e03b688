/**
 * Table references for the attached corpus database, named as in `common/schema.ts`.
 */
import { TABLES, type TableName } from '../../common/schema';
import { ident, type Sql } from './sql';

/** The alias under which the corpus file is attached (`ATTACH … AS corpus`). */
export const CORPUS = 'corpus';

/** A qualified reference to a corpus table, e.g. `"corpus"."documents"`. */
export function tbl(name: TableName): Sql {
  return ident(CORPUS, TABLES[name].name);
}

/** Tables that later ingest stages add; a database may lack them. */
export const OPTIONAL_TABLES: readonly TableName[] = ['reuse', 'reuse_clusters', 'doc_reuse', 'synonyms'];

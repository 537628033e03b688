/**
 * Table references and row types for the attached corpus database, derived from `common/schema.ts`.
 */
import { TABLES, type Column, type TableName } from '../../common/schema';
import { ident, type Sql } from './sql';

/** The alias under which the corpus file is attached (`ATTACH … AS corpus`). */
export const CORPUS = 'corpus';

/** A qualified reference to a corpus table, e.g. `"corpus"."documents"`. */
export function tbl(name: TableName): Sql {
  return ident(CORPUS, TABLES[name].name);
}

type JsType<T extends Column['type']> = T extends 'VARCHAR' ? string : T extends 'BOOLEAN' ? boolean : number;

/** The row type of a schema table, column by column (every column may be NULL). */
export type RowOf<N extends TableName> = {
  [C in (typeof TABLES)[N]['columns'][number] as C['name']]: JsType<C['type']> | null;
};

/** Tables that later ingest stages add; a database may lack them. */
export const OPTIONAL_TABLES: readonly TableName[] = ['reuse', 'reuse_clusters', 'doc_reuse', 'synonyms'];

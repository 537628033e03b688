/**
 * Table references for the attached corpus database, named as in `common/schema.ts`.
 */
import { TABLES, type TableName } from '../../common/schema';
import { CORPUS } from '../db/connector';
import { ident, type Sql } from './sql';

/** A qualified reference to a corpus table, e.g. `"corpus"."documents"`. */
export function tbl(name: TableName): Sql {
  return ident(CORPUS, TABLES[name].name);
}

/**
 * Table references for the attached corpus database, named as in `common/schema.ts`.
 */
import { tableOf, type AnyTableName } from '../../common/schema';
import { CORPUS } from '../db/connector';
import { ident, type Sql } from './sql';

/** A qualified reference to a corpus table or aggregate, e.g. `"corpus"."documents"`. */
export function tbl(name: AnyTableName): Sql {
  return ident(CORPUS, tableOf(name).name);
}

/** The ORDER BY and LIMIT of a table the database pages (`DataTable`'s `paged` mode). */
import { raw, sql, type Sql } from './sql';

/**
 * `ORDER BY by, tie LIMIT limit` as the table sorts: NULLs last ascending and first descending,
 * ties broken by `tie` in the same direction; no LIMIT when `limit` is null (an export).
 */
export function pageOrder(by: Sql, desc: boolean, tie: Sql, limit: number | null): Sql {
  const dir = desc ? raw('DESC') : raw('ASC');
  return sql`ORDER BY ${by} ${dir} NULLS ${desc ? raw('FIRST') : raw('LAST')}, ${tie} ${dir}${limit === null ? sql`` : sql` LIMIT ${limit}`}`;
}

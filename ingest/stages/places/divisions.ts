import type { RowOf } from '../../../common/schema';
import type { DatabaseWriter } from '../write';
import { ancestorCodes, loadGazetteer, type Gazetteer } from './gazetteer';

/** The `divisions` rows of some codes and all their ancestors, by code. */
export function divisionRows(found: Iterable<string>, g: Gazetteer): RowOf<'divisions'>[] {
  const codes = new Set<string>();
  for (const code of found) for (const c of [code, ...ancestorCodes(code)]) if (g.divisions.has(c)) codes.add(c);
  return [...codes].sort().map((code) => {
    const d = g.divisions.get(code)!;
    return {
      code,
      name: d.name,
      level: d.level,
      parent_code: g.parent(code),
      path: g.pathName(code),
    };
  });
}

/**
 * Write the `divisions` rows: every division that a place name or a home in the database resolved to,
 * and their ancestors. Read from the written tables, so that an update's copied documents count too.
 */
export async function writeDivisions(db: DatabaseWriter, g: Gazetteer = loadGazetteer()): Promise<number> {
  db.flush();
  const found = await db.rows<{ code: string }>(
    `SELECT DISTINCT code FROM places WHERE code IS NOT NULL UNION SELECT DISTINCT home_code FROM documents WHERE home_code IS NOT NULL`,
  );
  const rows = divisionRows(
    found.map((r) => r.code),
    g,
  );
  db.append('divisions', rows);
  return rows.length;
}

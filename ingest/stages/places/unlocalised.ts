import type { DatabaseWriter } from '../write';

/**
 * Fill `unlocalised` from the written tables: every resolved place name of a placed document that lies
 * outside its home, inside a copy passage it shares with a placed document whose home holds that
 * name (a county's plan copied by another county with the first county's townships left in). Run once
 * the reuse rows and the places are written; the rows are flushed first.
 */
export async function writeUnlocalised(db: DatabaseWriter): Promise<number> {
  db.flush();
  const related = (a: string, b: string) => `(starts_with(${a}, ${b}) OR starts_with(${b}, ${a}))`;
  await db.run(`
    INSERT INTO unlocalised BY NAME
    WITH copies AS (
      SELECT r.doc_a AS doc_id, r.start_a AS s, r.end_a AS e, r.doc_b AS partner
      FROM reuse r JOIN reuse_clusters c USING (cluster_id) WHERE c.kind = 'copy' AND r.doc_a <> r.doc_b
      UNION ALL
      SELECT r.doc_b, r.start_b, r.end_b, r.doc_a
      FROM reuse r JOIN reuse_clusters c USING (cluster_id) WHERE c.kind = 'copy' AND r.doc_a <> r.doc_b),
    leaks AS (
      SELECT p.doc_id, p.name, p.code, p.start, p."end", x.partner, src.year AS partner_year
      FROM places p
      JOIN documents d ON d.doc_id = p.doc_id
      JOIN copies x ON x.doc_id = p.doc_id AND p.start >= x.s AND p."end" <= x.e
      JOIN documents src ON src.doc_id = x.partner
      WHERE p.code IS NOT NULL AND d.home_code IS NOT NULL AND src.home_code IS NOT NULL
        AND NOT ${related('p.code', 'd.home_code')} AND ${related('p.code', 'src.home_code')})
    SELECT doc_id, any_value(name) AS name, any_value(code) AS code, start, any_value("end") AS "end",
           arg_min(partner, (coalesce(partner_year, 99999), partner)) AS source_doc
    FROM leaks GROUP BY doc_id, start ORDER BY doc_id, start`);
  const [row] = await db.rows<{ n: number }>('SELECT count(*)::INTEGER AS n FROM unlocalised');
  return row?.n ?? 0;
}

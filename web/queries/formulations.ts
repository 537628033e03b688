/** Queries of the Formulations view: set formulations per year under the filters, their lifecycle, their list. */
import { filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { sql } from './sql';
import { tbl } from './tables';

/** Which formulations to show: all, or those found one way (`formulations.kind`). */
export type FormulationKind = 'all' | 'numbered' | 'compound' | 'quoted';

/** One formulation in one year of the filtered documents. */
export interface FormulationYear {
  formulation: string;
  kind: string;
  /** Filtered documents using it, all years. */
  total: number;
  year: number;
  /** Filtered documents of the year, and those of them using it. */
  year_docs: number;
  docs: number;
}

/**
 * The `limit` formulations used by the most filtered documents, each with every year of the filtered
 * documents (zeros included): the rows of the heat strip.
 */
export function formulationStrip(f: Filters, kind: FormulationKind, limit: number): Query<FormulationYear> {
  return defineQuery(
    'formulationStrip',
    sql`WITH ${filteredDocs(f)},
    years AS (SELECT year, count(*)::INTEGER AS year_docs FROM fd WHERE year IS NOT NULL GROUP BY year),
    used AS (SELECT x.formulation, fd.year, count(*)::INTEGER AS docs FROM ${tbl('formulation_docs')} x JOIN fd USING (doc_id) GROUP BY ALL),
    top AS (
      SELECT f.formulation, f.kind, sum(u.docs)::INTEGER AS total
      FROM ${tbl('formulations')} f JOIN used u USING (formulation)
      WHERE ${kind} = 'all' OR f.kind = ${kind}
      GROUP BY ALL ORDER BY total DESC, f.formulation LIMIT ${limit})
    SELECT t.formulation, t.kind, t.total, y.year, y.year_docs, coalesce(u.docs, 0)::INTEGER AS docs
    FROM top t CROSS JOIN years y LEFT JOIN used u ON u.formulation = t.formulation AND u.year = y.year
    ORDER BY t.total DESC, t.formulation, y.year`,
  );
}

/** A lifecycle event of a formulation (over the whole corpus, as the ingest dated it). */
export interface FormulationEventRow {
  formulation: string;
  event: string;
  year: number;
  docs: number;
  year_docs: number;
  peak_year: number | null;
  peak_share: number | null;
}

/** Every lifecycle event, by formulation and year. */
export function formulationEvents(): Query<FormulationEventRow> {
  return defineQuery(
    'formulationEvents',
    sql`SELECT formulation, event, year, docs, year_docs, peak_year, peak_share FROM ${tbl('formulation_events')} ORDER BY formulation, year, event`,
  );
}

/** A formulation as the ingest found it. */
export interface FormulationRow {
  formulation: string;
  kind: string;
  variants: string | null;
  docs: number;
  hits: number;
  units: number;
  first_year: number | null;
  last_year: number | null;
  in_user_dict: boolean;
}

/** Every formulation, most used first. */
export function formulationList(): Query<FormulationRow> {
  return defineQuery(
    'formulationList',
    sql`SELECT formulation, kind, variants, docs, hits, units, first_year, last_year, in_user_dict FROM ${tbl('formulations')} ORDER BY docs DESC, formulation`,
  );
}

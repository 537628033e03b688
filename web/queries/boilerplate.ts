/** Queries of the Boilerplate view: shared text between documents, clusters, recycled shares. */
import { filteredCells, filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { sql } from './sql';
import { tbl } from './tables';

/** Which clusters to count: all reuse, only copying, or only mandated formulas. */
export type ReuseKind = 'all' | 'copy' | 'formula';

/** Characters two documents share (each unordered pair once, `doc_x < doc_y`). */
export interface DocPair {
  doc_x: number;
  doc_y: number;
  shared_chars: number;
  passages: number;
  /** The kind of copying between them (`reuse_pairs.kind`); null when they share formulas only. */
  copy_kind: string | null;
  /** The likely source (`reuse_pairs.doc_a`), and whether it is known by year (the two years differ). */
  source: number | null;
  dated: boolean;
  /** For a vertical pair: down (the source is above) or up. */
  way: string | null;
}

/** Shared characters between every pair of filtered documents, strongest pairs first. */
export function docPairs(f: Filters, kind: ReuseKind, limit: number): Query<DocPair> {
  return defineQuery(
    'docPairs',
    sql`WITH ${filteredDocs(f)},
    shared AS (
      SELECT least(r.doc_a, r.doc_b) AS doc_x, greatest(r.doc_a, r.doc_b) AS doc_y,
             sum(greatest(r.end_a - r.start_a, r.end_b - r.start_b))::INTEGER AS shared_chars,
             count(*)::INTEGER AS passages
      FROM ${tbl('reuse')} r LEFT JOIN ${tbl('reuse_clusters')} c USING (cluster_id)
      WHERE r.doc_a <> r.doc_b
        AND r.doc_a IN (SELECT doc_id FROM fd) AND r.doc_b IN (SELECT doc_id FROM fd)
        AND (${kind} = 'all' OR c.kind = ${kind})
      GROUP BY ALL ORDER BY shared_chars DESC, doc_x, doc_y LIMIT ${limit})
    SELECT s.*, p.kind AS copy_kind, p.doc_a AS source,
           coalesce(ya.year IS NOT NULL AND yb.year IS NOT NULL AND ya.year <> yb.year, false) AS dated, p.way
    FROM shared s
    LEFT JOIN ${tbl('reuse_pairs')} p ON least(p.doc_a, p.doc_b) = s.doc_x AND greatest(p.doc_a, p.doc_b) = s.doc_y
    LEFT JOIN ${tbl('documents')} ya ON ya.doc_id = s.doc_x
    LEFT JOIN ${tbl('documents')} yb ON yb.doc_id = s.doc_y
    ORDER BY s.shared_chars DESC, s.doc_x, s.doc_y`,
  );
}

/** A cluster of recurring passages, with how many filtered documents contain it. */
export interface ClusterRow {
  cluster_id: number;
  representative: string;
  n_docs: number;
  docs_in_filter: number;
  first_year: number | null;
  last_year: number | null;
  total_chars: number;
  kind: string;
}

/** Clusters occurring in the filtered documents, most widespread first. */
export function clusters(f: Filters, kind: ReuseKind, limit: number): Query<ClusterRow> {
  return defineQuery(
    'clusters',
    sql`WITH ${filteredDocs(f)},
    occ AS (SELECT cluster_id, doc_a AS doc_id FROM ${tbl('reuse')} UNION SELECT cluster_id, doc_b FROM ${tbl('reuse')}),
    inf AS (SELECT cluster_id, count(DISTINCT doc_id)::INTEGER AS docs_in_filter FROM occ JOIN fd USING (doc_id) GROUP BY cluster_id)
    SELECT c.cluster_id, c.representative, c.n_docs, inf.docs_in_filter, c.first_year, c.last_year, c.total_chars, c.kind
    FROM ${tbl('reuse_clusters')} c JOIN inf USING (cluster_id)
    WHERE ${kind} = 'all' OR c.kind = ${kind}
    ORDER BY c.n_docs DESC, c.total_chars DESC, c.cluster_id LIMIT ${limit}`,
  );
}

/** One document in which a cluster's passage occurs, with the passage as written there. */
export interface ClusterOccurrence {
  doc_id: number;
  title: string;
  year: number | null;
  org: string | null;
  source_path: string;
  start: number;
  passage: string;
}

/** Where one cluster's passage occurs (first occurrence per document). */
export function clusterOccurrences(clusterId: number): Query<ClusterOccurrence> {
  return defineQuery(
    'clusterOccurrences',
    sql`WITH occ AS (
      SELECT doc_a AS doc_id, start_a AS s, end_a AS e FROM ${tbl('reuse')} WHERE cluster_id = ${clusterId}
      UNION SELECT doc_b, start_b, end_b FROM ${tbl('reuse')} WHERE cluster_id = ${clusterId}),
    first AS (SELECT doc_id, min(s) AS s, arg_min(e, s) AS e FROM occ GROUP BY doc_id)
    SELECT d.doc_id, d.title, d.year, d.org, d.source_path, first.s AS "start", substring(d.text, first.s + 1, first.e - first.s) AS passage
    FROM first JOIN ${tbl('documents')} d USING (doc_id)
    ORDER BY d.year NULLS LAST, d.doc_id`,
  );
}

/** A document's recycled share with its main partner. */
export interface RecycledDoc {
  doc_id: number;
  title: string;
  year: number | null;
  org: string | null;
  char_count: number;
  reused_chars: number;
  share: number;
  top_partner: number | null;
  partner_title: string | null;
  partner_year: number | null;
  top_partner_chars: number | null;
  direction: string | null;
  source_path: string;
  /** Aligned passages shared with the top partner (the evidence behind `direction`). */
  passages: number;
  /** The longest of them as written in this document (at most 80 characters). */
  longest: string | null;
  /** Of reused_chars, by kind of copying (`doc_reuse`), and what the unit's own earlier reports gave. */
  self_chars: number;
  vertical_chars: number;
  template_chars: number;
  horizontal_chars: number;
  self_earlier_chars: number;
  /** Characters quoted from reference texts (not in reused_chars). */
  quoted_chars: number;
}

/** Filtered documents ranked by recycled share (copies only, formulas excluded). */
export function recycledDocs(f: Filters, limit: number): Query<RecycledDoc> {
  return defineQuery(
    'recycledDocs',
    sql`WITH ${filteredDocs(f)},
    ev AS (
      SELECT x.doc_id, count(*)::INTEGER AS passages, arg_max(x.s, x.e - x.s) AS s, arg_max(x.e, x.e - x.s) AS e
      FROM (SELECT r.doc_a AS doc_id, r.doc_b AS partner, r.start_a AS s, r.end_a AS e FROM ${tbl('reuse')} r WHERE r.doc_a <> r.doc_b
            UNION ALL SELECT r.doc_b, r.doc_a, r.start_b, r.end_b FROM ${tbl('reuse')} r WHERE r.doc_a <> r.doc_b) x
      JOIN ${tbl('doc_reuse')} dr ON dr.doc_id = x.doc_id AND dr.top_partner = x.partner
      WHERE x.doc_id IN (SELECT doc_id FROM fd)
      GROUP BY x.doc_id)
    SELECT fd.doc_id, fd.title, fd.year, fd.org, fd.char_count, r.reused_chars, r.share,
           r.top_partner, p.title AS partner_title, p.year AS partner_year, r.top_partner_chars, r.direction,
           fd.source_path, coalesce(ev.passages, 0) AS passages,
           r.self_chars, r.vertical_chars, r.template_chars, r.horizontal_chars, r.self_earlier_chars, r.quoted_chars,
           CASE WHEN ev.s IS NULL THEN NULL ELSE substring(d.text, ev.s + 1, least(ev.e - ev.s, 80)) END AS longest
    FROM fd JOIN ${tbl('doc_reuse')} r USING (doc_id)
    LEFT JOIN ${tbl('documents')} p ON p.doc_id = r.top_partner
    LEFT JOIN ev ON ev.doc_id = fd.doc_id
    LEFT JOIN ${tbl('documents')} d ON d.doc_id = fd.doc_id
    ORDER BY r.share DESC NULLS LAST, fd.doc_id LIMIT ${limit}`,
  );
}

/** One aligned passage pair between a left and a right document. */
export interface AlignedPassage {
  left_start: number;
  left_end: number;
  right_start: number;
  right_end: number;
  similarity: number;
  cluster_id: number | null;
  kind: string | null;
}

/** The aligned passages between two documents, oriented so `left_*` is in `left`. */
export function alignedPassages(left: number, right: number): Query<AlignedPassage> {
  return defineQuery(
    'alignedPassages',
    sql`SELECT * FROM (
      SELECT r.start_a AS left_start, r.end_a AS left_end, r.start_b AS right_start, r.end_b AS right_end,
             r.similarity, r.cluster_id, c.kind
      FROM ${tbl('reuse')} r LEFT JOIN ${tbl('reuse_clusters')} c USING (cluster_id)
      WHERE r.doc_a = ${left} AND r.doc_b = ${right}
      UNION ALL
      SELECT r.start_b, r.end_b, r.start_a, r.end_a, r.similarity, r.cluster_id, c.kind
      FROM ${tbl('reuse')} r LEFT JOIN ${tbl('reuse_clusters')} c USING (cluster_id)
      WHERE r.doc_b = ${left} AND r.doc_a = ${right} AND r.doc_a <> r.doc_b)
    ORDER BY left_start, right_start`,
  );
}

/** A spun word and the form it stands for. */
export interface SynonymRow {
  variant: string;
  canonical: string;
}

/** The synonym table used to see through spun copies. */
export function synonyms(): Query<SynonymRow> {
  return defineQuery('synonyms', sql`SELECT variant, canonical FROM ${tbl('synonyms')} ORDER BY variant`);
}

/** Recycled characters of one year by kind of copying, over the characters of the year's documents. */
export interface KindShare {
  year: number | null;
  chars: number;
  self_chars: number;
  vertical_chars: number;
  template_chars: number;
  horizontal_chars: number;
  /** Quoted from reference texts: apart from the kinds of copying. */
  quoted_chars: number;
}

/** Per year, the filtered documents' characters and their recycled characters by kind (from the cell aggregates). */
export function recycledByKind(f: Filters): Query<KindShare> {
  return defineQuery(
    'recycledByKind',
    sql`WITH ${filteredCells(f)}
    SELECT year, sum(chars)::DOUBLE AS chars,
           coalesce(sum(self_chars), 0)::DOUBLE AS self_chars, coalesce(sum(vertical_chars), 0)::DOUBLE AS vertical_chars,
           coalesce(sum(template_chars), 0)::DOUBLE AS template_chars, coalesce(sum(horizontal_chars), 0)::DOUBLE AS horizontal_chars,
           coalesce(sum(quoted_chars), 0)::DOUBLE AS quoted_chars
    FROM fc GROUP BY year ORDER BY year NULLS LAST`,
  );
}

/** One unit's year: what its reports of that year took from its own earlier reports. */
export interface SelfCopyYear {
  org: string;
  year: number;
  docs: number;
  chars: number;
  self_earlier_chars: number;
}

/**
 * Per unit and year, the characters of the unit's filtered documents and those taken from the same
 * unit's reports of earlier years (`doc_reuse.self_earlier_chars`), for the `limit` units that took
 * the most; only units with documents in two or more years.
 */
export function selfCopyByUnit(f: Filters, limit: number): Query<SelfCopyYear> {
  return defineQuery(
    'selfCopyByUnit',
    sql`WITH ${filteredDocs(f)},
    unit_year AS (
      SELECT fd.org, fd.year, count(*)::INTEGER AS docs, sum(fd.char_count)::DOUBLE AS chars, sum(r.self_earlier_chars)::DOUBLE AS self_earlier_chars
      FROM fd JOIN ${tbl('doc_reuse')} r USING (doc_id)
      WHERE fd.org IS NOT NULL AND fd.year IS NOT NULL GROUP BY ALL),
    units AS (
      SELECT org FROM unit_year GROUP BY org
      HAVING count(*) >= 2 AND sum(self_earlier_chars) > 0
      ORDER BY sum(self_earlier_chars) DESC, org LIMIT ${limit})
    SELECT u.* FROM unit_year u SEMI JOIN units USING (org) ORDER BY u.org, u.year`,
  );
}

/** A document that kept place names of another jurisdiction in text it shares with a document from there. */
export interface UnlocalisedDoc {
  doc_id: number;
  title: string;
  year: number | null;
  home_path: string | null;
  /** The names, distinct, in text order of their first occurrence, joined with 、. */
  names: string;
  occurrences: number;
  source_doc: number;
  source_title: string;
  source_year: number | null;
  source_home: string | null;
}

/** The filtered documents flagged in `unlocalised`, one row per document and source, most names first. */
export function unlocalisedDocs(f: Filters, limit: number): Query<UnlocalisedDoc> {
  return defineQuery(
    'unlocalisedDocs',
    sql`WITH ${filteredDocs(f)}
    SELECT fd.doc_id, fd.title, fd.year, fd.home_path,
           string_agg(DISTINCT u.name, '、' ORDER BY u.name) AS names, count(*)::INTEGER AS occurrences,
           u.source_doc, s.title AS source_title, s.year AS source_year, s.home_path AS source_home
    FROM ${tbl('unlocalised')} u JOIN fd USING (doc_id) JOIN ${tbl('documents')} s ON s.doc_id = u.source_doc
    GROUP BY ALL ORDER BY occurrences DESC, fd.doc_id, u.source_doc LIMIT ${limit}`,
  );
}

/** A reference text and how much the filtered documents quote it. */
export interface ReferenceQuotes {
  ref_id: number;
  title: string;
  source_path: string;
  docs: number;
  passages: number;
  /** Characters of the documents inside passages quoted from it. */
  chars: number;
}

/** Every reference text with the filtered documents quoting it (none: 0), most quoted first. */
export function referenceQuotes(f: Filters): Query<ReferenceQuotes> {
  return defineQuery(
    'referenceQuotes',
    sql`WITH ${filteredDocs(f)},
    q AS (SELECT q.* FROM ${tbl('quotations')} q JOIN fd USING (doc_id))
    SELECT r.ref_id, r.title, r.source_path, count(DISTINCT q.doc_id)::INTEGER AS docs, count(q.doc_id)::INTEGER AS passages,
           coalesce(sum(q."end" - q.start), 0)::INTEGER AS chars
    FROM ${tbl('reference_texts')} r LEFT JOIN q USING (ref_id)
    GROUP BY ALL ORDER BY docs DESC, chars DESC, r.ref_id`,
  );
}

/** Collocates of a word: the terms found with it in the same sentences, scored by log-Dice and MI. */
import { filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { sql } from './sql';
import { tbl } from './tables';

/** One collocate of the node word. */
export interface Collocate {
  term: string;
  /** Sentences holding both the node and the term (the co-occurrence count). */
  together: number;
  /** Occurrences of the term in the filtered documents (doc_terms). */
  freq: number;
  /** Occurrences of the node in the filtered documents, and their tokens (the same on every row). */
  node_freq: number;
  tokens: number;
}

/**
 * The terms (2+ characters, neither inside the node nor holding it) that occur in at least `minTogether`
 * of the filtered documents' sentences holding `node` (lower case), with the counts log-Dice and MI are
 * computed from (`web/stats/collocation.ts`). A term is found in a sentence by its characters, as the
 * concordance finds the node.
 */
export function collocates(f: Filters, node: string, minTogether: number): Query<Collocate> {
  return defineQuery(
    'collocates',
    sql`WITH ${filteredDocs(f)},
    s AS (SELECT s.doc_id, lower(substring(d.text, s.start + 1, s."end" - s.start)) AS st
          FROM ${tbl('sentences')} s JOIN fd USING (doc_id) JOIN ${tbl('documents')} d USING (doc_id)
          WHERE length(${node}) > 0 AND contains(lower(d.text), ${node})),
    hit AS (SELECT doc_id, st, (length(st) - length(replace(st, ${node}, ''))) // length(${node}) AS n FROM s WHERE contains(st, ${node})),
    cand AS (SELECT DISTINCT t.term FROM ${tbl('doc_terms')} t SEMI JOIN hit USING (doc_id)
             WHERE length(t.term) >= 2 AND NOT contains(t.term, ${node}) AND NOT contains(${node}, t.term)),
    together AS (SELECT c.term, count(*)::INTEGER AS together FROM hit JOIN cand c ON contains(hit.st, c.term) GROUP BY c.term HAVING count(*) >= ${minTogether}),
    freq AS (SELECT t.term, sum(t.freq)::INTEGER AS freq FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id) SEMI JOIN together USING (term) GROUP BY t.term)
    SELECT g.term, g.together, q.freq, (SELECT coalesce(sum(n), 0) FROM hit)::INTEGER AS node_freq, (SELECT sum(token_count) FROM fd)::DOUBLE AS tokens
    FROM together g JOIN freq q USING (term)
    ORDER BY g.together DESC, g.term`,
  );
}

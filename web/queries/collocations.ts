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
 * concordance finds the node, but not where it is only part of a longer candidate term the sentence
 * holds (研讨 in 专题研讨, 党委 in 镇党委): the tokenizer counted those as the longer term, and so must
 * the co-occurrence, or it would exceed the term's own frequency.
 */
export function collocates(f: Filters, node: string, minTogether: number): Query<Collocate> {
  return defineQuery(
    'collocates',
    sql`WITH ${filteredDocs(f)},
    s AS (SELECT s.doc_id, s.sent_no, lower(substring(d.text, s.start + 1, s."end" - s.start)) AS st
          FROM ${tbl('sentences')} s JOIN fd USING (doc_id) JOIN ${tbl('documents')} d USING (doc_id)
          WHERE length(${node}) > 0 AND contains(lower(d.text), ${node})),
    hit AS (SELECT doc_id, sent_no, st, (length(st) - length(replace(st, ${node}, ''))) // length(${node}) AS n FROM s WHERE contains(st, ${node})),
    cand AS (SELECT DISTINCT t.term FROM ${tbl('doc_terms')} t SEMI JOIN hit USING (doc_id)
             WHERE length(t.term) >= 2 AND NOT contains(t.term, ${node}) AND NOT contains(${node}, t.term)),
    pairs AS (SELECT h.doc_id, h.sent_no, c.term FROM hit h JOIN cand c ON contains(h.st, c.term)),
    longer AS (SELECT y.term AS y, z.term AS z FROM cand y JOIN cand z ON z.term <> y.term AND contains(z.term, y.term)),
    kept AS (SELECT p.* FROM pairs p
             WHERE NOT EXISTS (SELECT 1 FROM longer l JOIN pairs q ON q.term = l.z WHERE l.y = p.term AND q.doc_id = p.doc_id AND q.sent_no = p.sent_no)),
    together AS (SELECT term, count(*)::INTEGER AS together FROM kept GROUP BY term HAVING count(*) >= ${minTogether}),
    freq AS (SELECT t.term, sum(t.freq)::INTEGER AS freq FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id) SEMI JOIN together USING (term) GROUP BY t.term)
    SELECT g.term, g.together, q.freq, (SELECT coalesce(sum(n), 0) FROM hit)::INTEGER AS node_freq, (SELECT sum(token_count) FROM fd)::DOUBLE AS tokens
    FROM together g JOIN freq q USING (term)
    ORDER BY g.together DESC, g.term`,
  );
}

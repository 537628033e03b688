/** Collocates of a word: the terms found with it in the same sentences, scored by log-Dice and MI. */
import { filteredDocs, type Filters } from './filters';
import { defineQuery, type Query } from './query';
import { raw, sql } from './sql';
import { tbl } from './tables';

/** One collocate of the node word. */
export interface Collocate {
  term: string;
  /** Sentences holding both the node and the term, in the documents searched (the co-occurrence count). */
  together: number;
  /** Occurrences of the term in the filtered documents (doc_terms). */
  freq: number;
  /** Occurrences of the node in the filtered documents, and their tokens (the same on every row). */
  node_freq: number;
  tokens: number;
  /** Documents holding the node, and how many of them were searched for collocates (all, up to the sample's size). */
  node_docs: number;
  searched_docs: number;
  /** Occurrences of the node in the documents searched: `together × node_freq / searched_freq` estimates the full count. */
  searched_freq: number;
}

/**
 * Most documents holding the node that are searched for collocates: a word in most sentences of a
 * large corpus (意识形态: 222,726 sentences of 10,000 generated documents) would take minutes in the
 * browser, so beyond this an even sample of the documents (by a hash of their id) is searched and the
 * co-occurrence counts are scaled by the node's occurrences (`web/stats/collocation.ts`).
 */
export const COLLOCATE_SAMPLE_DOCS = 500;

/**
 * The terms (2+ characters, neither inside the node nor holding it) that occur in at least `minTogether`
 * of the sentences holding `node` (lower case) in the filtered documents searched (see
 * {@link COLLOCATE_SAMPLE_DOCS}), a sentence searched for the terms of its own document, with the counts
 * log-Dice and MI are computed from. A term is found in a sentence by its characters, as the concordance
 * finds the node, but not where it is only part of a longer term of the document that the sentence holds
 * (研讨 in 专题研讨, 党委 in 镇党委): the tokenizer counted those as the longer term, and so must the
 * co-occurrence, or it would exceed the term's own frequency.
 */
export function collocates(f: Filters, node: string, minTogether: number, sampleDocs = COLLOCATE_SAMPLE_DOCS): Query<Collocate> {
  // lower-casing 100 MB of text to find a word without Latin letters would change nothing and cost seconds
  const text = /[a-z]/u.test(node) ? raw('lower(d.text)') : raw('d.text');
  return defineQuery(
    'collocates',
    sql`WITH ${filteredDocs(f)},
    nd AS (SELECT d.doc_id, ${text} AS lt FROM fd JOIN ${tbl('documents')} d USING (doc_id) WHERE length(${node}) > 0 AND contains(${text}, ${node})),
    occ AS (SELECT doc_id, lt, (length(lt) - length(replace(lt, ${node}, ''))) // length(${node}) AS n FROM nd),
    searched AS (SELECT * FROM occ ORDER BY hash(doc_id), doc_id LIMIT ${sampleDocs}),
    hit AS (SELECT x.doc_id, s.sent_no, substring(x.lt, s.start + 1, s."end" - s.start) AS st
            FROM searched x JOIN ${tbl('sentences')} s USING (doc_id) WHERE contains(substring(x.lt, s.start + 1, s."end" - s.start), ${node})),
    pairs AS (SELECT h.doc_id, h.sent_no, t.term FROM hit h JOIN ${tbl('doc_terms')} t ON t.doc_id = h.doc_id
              WHERE length(t.term) >= 2 AND NOT contains(t.term, ${node}) AND NOT contains(${node}, t.term) AND contains(h.st, t.term)),
    inside AS (SELECT p.doc_id, p.sent_no, p.term FROM pairs p JOIN pairs q ON q.doc_id = p.doc_id AND q.sent_no = p.sent_no
               WHERE q.term <> p.term AND contains(q.term, p.term)),
    kept AS (SELECT doc_id, sent_no, term FROM pairs EXCEPT SELECT doc_id, sent_no, term FROM inside),
    together AS (SELECT term, count(*)::INTEGER AS together FROM kept GROUP BY term HAVING count(*) >= ${minTogether}),
    freq AS (SELECT t.term, sum(t.freq)::INTEGER AS freq FROM ${tbl('doc_terms')} t JOIN fd USING (doc_id) SEMI JOIN together USING (term) GROUP BY t.term)
    SELECT g.term, g.together, q.freq, (SELECT coalesce(sum(n), 0) FROM occ)::INTEGER AS node_freq, (SELECT sum(token_count) FROM fd)::DOUBLE AS tokens,
           (SELECT count(*) FROM occ)::INTEGER AS node_docs, (SELECT count(*) FROM searched)::INTEGER AS searched_docs,
           (SELECT coalesce(sum(n), 0) FROM searched)::INTEGER AS searched_freq
    FROM together g JOIN freq q USING (term)
    ORDER BY g.together DESC, g.term`,
  );
}

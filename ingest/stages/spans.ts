/** A half-open span of `documents.text`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A sentence span and the paragraph (1-based) that holds it. */
export interface SentenceSpan extends Span {
  readonly paraNo: number;
}

/** Join paragraphs into the document text (one newline between) and return each paragraph's span. */
export function joinParagraphs(paragraphs: readonly string[]): { text: string; paragraphs: Span[] } {
  const spans: Span[] = [];
  let offset = 0;
  for (const p of paragraphs) {
    spans.push({ start: offset, end: offset + p.length });
    offset += p.length + 1;
  }
  return { text: paragraphs.join('\n'), paragraphs: spans };
}

/**
 * Sentences: split after the lexicon's sentence ends (keeping a closing quote with its sentence; the
 * pattern is the segmentation's `sentenceSplit`) and at paragraph ends.
 */
export function sentenceSpans(text: string, paragraphs: readonly Span[], sentenceEnd: RegExp): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  paragraphs.forEach((para, i) => {
    const body = text.slice(para.start, para.end);
    let from = 0;
    for (const m of body.matchAll(sentenceEnd)) {
      const to = m.index + m[0].length;
      if (body.slice(from, to).trim()) out.push({ start: para.start + from, end: para.start + to, paraNo: i + 1 });
      from = to;
    }
    if (body.slice(from).trim()) out.push({ start: para.start + from, end: para.end, paraNo: i + 1 });
  });
  return out;
}

/** Characters that count towards a document's length: everything but whitespace. */
export function charCount(text: string): number {
  return text.replace(/\s+/gu, '').length;
}

/**
 * A file's text above {@link MAX_PART_CHARS} characters is cut into parts that are cleaned, segmented
 * and stored as documents of their own (part 1, 2 … of the file), so that no stage ever holds one
 * document of unbounded length. Cuts fall at a paragraph break when there is one in the last quarter
 * of a part, else at a sentence end, else (a run of text with neither) at the limit itself.
 */

/** Largest part, in UTF-16 code units (about 3 MB of Chinese in UTF-8; the sample's longest file has 26,000). */
export const MAX_PART_CHARS = 1_000_000;

const SENTENCE_END = /[。！？!?；;]/u;

/** Where to cut `text` at or before `limit` (exclusive end of the first part), at least halfway into it. */
function cutAt(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) * 0.75);
  const para = text.lastIndexOf('\n', limit - 1);
  if (para >= floor) return para + 1;
  for (let i = limit - 1; i >= floor; i--) if (SENTENCE_END.test(text[i]!)) return i + 1;
  // no break at all: cut at the limit, never between the halves of a surrogate pair
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * The parts of a file's text (see the module comment). A text within the limit is one part, itself;
 * joined together the parts give back the text exactly.
 */
export function splitParts(text: string, maxChars = MAX_PART_CHARS): string[] {
  if (maxChars < 2) throw new RangeError(`part size must be at least 2, got ${maxChars}`);
  const parts: string[] = [];
  let from = 0;
  while (text.length - from > maxChars) {
    const end = cutAt(text, from, from + maxChars);
    parts.push(text.slice(from, end));
    from = end;
  }
  parts.push(text.slice(from));
  return parts;
}

import { charClass, type Lexicon } from '../../../common/lexicon';
import { cleanTitle, isTitleLine } from '../segment/boundaries';
import { segmentPatterns } from '../segment/patterns';
import type { Removal, SourceLine, StepResult } from './types';

/** At least this many lines must stop mid-sentence at one width for a file to be taken as hard-wrapped. */
const MIN_WRAPPED = 5;

/**
 * PDF text layers and some viewers break every paragraph into lines of one width (about 30 characters),
 * often mid-word: 意 / 识形态. Such a file is recognised by many lines of (nearly) the same length that
 * stop mid-sentence; each of them is joined to the line after it, and a line that starts with a comma
 * or closing punctuation is joined to the line before. Files with ordinary paragraphs are left alone.
 * One `hard_wrap` log entry tells how many breaks were removed.
 */
export function joinHardWraps(lines: readonly SourceLine[], lex: Lexicon): StepResult {
  const ends = new RegExp(`${charClass(lex.sentenceEnd + lex.clauseEnd)}$`, 'u');
  const pat = segmentPatterns(lex);
  // a title (or a contents entry) of about that width is a line of its own, not a paragraph's piece;
  // a wrapped piece that happens to end in a genre word still carries the paragraph's punctuation
  const titleOnly = (t: string): boolean => isTitleLine(t, pat) && !/[,、;:。]/u.test(cleanTitle(t, pat));
  const midSentence = (t: string): boolean => !ends.test(t) && !titleOnly(t);
  const lengths = new Map<number, number>();
  for (const l of lines) {
    const n = Array.from(l.text).length;
    if (n >= 15 && midSentence(l.text)) lengths.set(n, (lengths.get(n) ?? 0) + 1);
  }
  let width = 0;
  let best = 0;
  for (const [n] of lengths) {
    const near = (lengths.get(n) ?? 0) + (lengths.get(n - 1) ?? 0) + (lengths.get(n + 1) ?? 0);
    if (near > best || (near === best && n > width)) [width, best] = [n, near];
  }
  const long = lines.filter((l) => l.text.length >= 15).length;
  if (best < MIN_WRAPPED || best < long * 0.3) return { lines: [...lines], removals: [] };

  const full = (t: string | undefined): boolean => {
    if (t === undefined) return false;
    const n = Array.from(t).length;
    return n >= width - 2 && n <= width + 2 && midSentence(t);
  };
  const out: SourceLine[] = [];
  let joins = 0;
  let open = false;
  lines.forEach((line, i) => {
    const prev = out[out.length - 1];
    const joined = prev !== undefined && (open || /^[,,、;;:。!?)》”]/u.test(line.text));
    if (joined) {
      out[out.length - 1] = { text: prev.text + line.text, lineNo: prev.lineNo };
      joins++;
    } else out.push(line);
    // a full-width line continues on the next one when it is inside a run of such lines, or the next
    // line ends the paragraph; a lone title of about that width above a short line stays on its own
    const next = lines[i + 1]?.text;
    open = full(line.text) && (joined || full(next) || (next !== undefined && ends.test(next)));
  });
  const removals: Removal[] = joins
    ? [{ rule: 'hard_wrap', chars: 0, sample: `${joins} line breaks inside paragraphs joined (lines of about ${width} characters)`, lineNo: null }]
    : [];
  return { lines: out, removals };
}

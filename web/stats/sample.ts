/**
 * How much text a rate needs before it is shown as a plain figure. A year, type or unit (a column of
 * a heatmap, a point of a trend line) with fewer than {@link MIN_DOCS} documents or fewer than
 * {@link MIN_CHARS} characters is "thin": still shown, but faded and marked, and the Trends view does
 * not open on it.
 */

/** Fewer documents than this make a group thin. */
export const MIN_DOCS = 2;
/** Fewer characters than this make a group thin (about two pages of a work plan). */
export const MIN_CHARS = 3000;

/** What a rate rests on. */
export interface SampleSize {
  docs: number;
  chars: number;
}

/** True when a group is too small for its rates to be read on their own. */
export function isThin(n: SampleSize): boolean {
  return n.docs < MIN_DOCS || n.chars < MIN_CHARS;
}

/** A year with its size. */
export interface YearSize extends SampleSize {
  year: number;
}

/**
 * The default comparison of the Trends view: the latest year with enough text (focus) against the
 * latest earlier year with enough text (reference). Falls back to the two latest years when fewer
 * than two are large enough; `thinSkipped` lists later years passed over for being thin.
 */
export function defaultYears(years: readonly YearSize[]): { focus: number | null; reference: number | null; thinSkipped: number[]; fallback: boolean } {
  const sorted = [...years].sort((x, y) => x.year - y.year);
  const enough = sorted.filter((y) => !isThin(y));
  if (enough.length >= 2) {
    const focus = enough[enough.length - 1]!.year;
    const reference = enough[enough.length - 2]!.year;
    const thinSkipped = sorted.filter((y) => isThin(y) && y.year > reference).map((y) => y.year);
    return { focus, reference, thinSkipped, fallback: false };
  }
  const last = sorted.slice(-2);
  return { focus: last[1]?.year ?? last[0]?.year ?? null, reference: last.length === 2 ? (last[0]?.year ?? null) : null, thinSkipped: [], fallback: true };
}

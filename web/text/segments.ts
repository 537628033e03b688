/**
 * Cut a text into runs where the set of covering marks is constant, so overlapping highlights
 * (a theme term inside a reused passage) render as plain nested classes, never as HTML.
 */

/** A highlighted span `[start, end)` of some kind. */
export interface Mark {
  start: number;
  end: number;
  kind: string;
  /** What the mark stands for (theme id, partner document …), for colour and tooltip. */
  key?: string;
  title?: string;
  /** Links marks across views (the number of an aligned passage on both sides). */
  link?: number;
}

/** A run of text and the marks covering all of it. */
export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/** Runs covering `[0, length)` in order; marks are clipped to the text. */
export function segmentText(length: number, marks: readonly Mark[]): Segment[] {
  const clipped = marks.map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(length, m.end) })).filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of clipped) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...clipped].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? length;
    active = active.filter((m) => m.end > start);
    while (next < byStart.length && (byStart[next]?.start ?? Infinity) <= start) {
      const m = byStart[next++];
      if (m && m.end > start) active.push(m);
    }
    out.push({ start, end, marks: [...active] });
  }
  return out;
}

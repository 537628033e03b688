/**
 * The life of a formulation over the years, read from the share of each year's documents that use it
 * (research practice on work reports: a term's debut, spike, fade and return):
 *  - *debut*: the first year a document uses it;
 *  - *spread*: the first later year, by its peak at the latest, it is in at least `spreadShare` of the
 *    year's documents and in twice its debut's share (one that arrives widespread has no spread);
 *  - *peak*: the year of its highest share;
 *  - *fade*: the first year after the peak its share is at most `fadeRatio` of the peak's;
 *  - *return*: the first year after a fade its share is back to at least `returnRatio` of the peak's.
 * Only years with at least `minYearDocs` documents decide spread, peak, fade and return: one document
 * more or less must not make an event.
 */
import type { FormulationEvent } from '../../../common/schema';

/** One year of a formulation. */
export interface YearPoint {
  readonly year: number;
  readonly docs: number;
  readonly yearDocs: number;
}

export interface LifecycleRule {
  readonly minYearDocs: number;
  readonly spreadShare: number;
  readonly fadeRatio: number;
  readonly returnRatio: number;
}

export const DEFAULT_LIFECYCLE_RULE: LifecycleRule = { minYearDocs: 3, spreadShare: 0.25, fadeRatio: 0.5, returnRatio: 0.5 };

export interface LifeEvent {
  readonly event: FormulationEvent;
  readonly year: number;
  readonly evidence: string;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The events of one formulation; `points` are every year of the corpus with dated documents, in order. */
export function lifecycle(points: readonly YearPoint[], rule: LifecycleRule = DEFAULT_LIFECYCLE_RULE): LifeEvent[] {
  const share = (p: YearPoint) => (p.yearDocs ? p.docs / p.yearDocs : 0);
  const figures = (p: YearPoint) => `${p.docs}/${p.yearDocs} (${pct(share(p))})`;
  const events: LifeEvent[] = [];
  const debut = points.find((p) => p.docs > 0);
  if (!debut) return events;
  const firstYear = points[0]!.year === debut.year;
  events.push({ event: 'debut', year: debut.year, evidence: `${figures(debut)}${firstYear ? '; first year of the corpus' : ''}` });
  const reliable = points.filter((p) => p.yearDocs >= rule.minYearDocs);
  const peak = reliable.filter((p) => p.docs > 0).reduce<YearPoint | null>((best, p) => (best === null || share(p) > share(best) ? p : best), null);
  // spreading is growing well past the debut (twice its share at least), by the peak at the latest
  const spread = reliable.find((p) => p.year > debut.year && share(p) >= Math.max(rule.spreadShare, 2 * share(debut)));
  if (spread && peak && spread.year <= peak.year) events.push({ event: 'spread', year: spread.year, evidence: figures(spread) });
  if (!peak) return events;
  events.push({ event: 'peak', year: peak.year, evidence: figures(peak) });
  const against = `${pct(share(peak))} at the peak (${peak.year})`;
  const fade = reliable.find((p) => p.year > peak.year && share(p) <= rule.fadeRatio * share(peak));
  if (!fade) return events;
  events.push({ event: 'fade', year: fade.year, evidence: `${figures(fade)} against ${against}` });
  const back = reliable.find((p) => p.year > fade.year && share(p) >= rule.returnRatio * share(peak) && share(p) > share(fade));
  if (back) events.push({ event: 'return', year: back.year, evidence: `${figures(back)} against ${against}` });
  return events;
}

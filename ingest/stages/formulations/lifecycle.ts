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
  /** The year's documents using it, and the year's documents. */
  readonly docs: number;
  readonly yearDocs: number;
  /** For a fade or a return: the peak it is measured against. */
  readonly peakYear: number | null;
  readonly peakShare: number | null;
}

/** The events of one formulation; `points` are every year of the corpus with dated documents, in order. */
export function lifecycle(points: readonly YearPoint[], rule: LifecycleRule = DEFAULT_LIFECYCLE_RULE): LifeEvent[] {
  const share = (p: YearPoint) => (p.yearDocs ? p.docs / p.yearDocs : 0);
  const at = (event: FormulationEvent, p: YearPoint, peak: YearPoint | null = null): LifeEvent => ({
    event,
    year: p.year,
    docs: p.docs,
    yearDocs: p.yearDocs,
    peakYear: peak?.year ?? null,
    peakShare: peak ? share(peak) : null,
  });
  const events: LifeEvent[] = [];
  const debut = points.find((p) => p.docs > 0);
  if (!debut) return events;
  events.push(at('debut', debut));
  const reliable = points.filter((p) => p.yearDocs >= rule.minYearDocs);
  const peak = reliable.filter((p) => p.docs > 0).reduce<YearPoint | null>((best, p) => (best === null || share(p) > share(best) ? p : best), null);
  // spreading is growing well past the debut (twice its share at least), by the peak at the latest
  const spread = reliable.find((p) => p.year > debut.year && share(p) >= Math.max(rule.spreadShare, 2 * share(debut)));
  if (spread && peak && spread.year <= peak.year) events.push(at('spread', spread));
  if (!peak) return events;
  events.push(at('peak', peak));
  const fade = reliable.find((p) => p.year > peak.year && share(p) <= rule.fadeRatio * share(peak));
  if (!fade) return events;
  events.push(at('fade', fade, peak));
  const back = reliable.find((p) => p.year > fade.year && share(p) >= rule.returnRatio * share(peak) && share(p) > share(fade));
  if (back) events.push(at('return', back, peak));
  return events;
}

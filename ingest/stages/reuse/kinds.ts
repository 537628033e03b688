/**
 * Kinds of copying between two documents, from who issued them (the CCDI's 2023 list of formalism
 * names them: 照抄上级, 跨地抄, 跨时抄):
 *  - *self*: the same unit (an earlier or the same year's report of its own);
 *  - *vertical*: units at different levels of one jurisdiction (a county plan and a town's report in
 *    that county), the text passing down the hierarchy or up it;
 *  - *template*: a passage that many units share (at least `templateMinUnits`), its source not in the
 *    corpus (a 范文 or an upper-level text nobody collected);
 *  - *horizontal*: peers, or units of unrelated places.
 * A unit's level comes from its kind (a town, or a community, school, company or hospital below it) and
 * otherwise from the level of its home (a bureau placed at a county is a county bureau).
 */
import type { CopyKind, PlaceLevel, UnitKind } from '../../../common/schema';
import { related } from '../places/gazetteer';

/** What the kind of a copy looks at, per document. */
export interface KindDoc {
  /** The unit the document counts as (`unitKey`: unknown and placeholder units are each their own). */
  readonly unit: string;
  readonly unitType: UnitKind;
  readonly homeCode: string | null;
  readonly homeLevel: PlaceLevel | null;
}

/** Rank of each level, the province highest (1). */
const LEVEL_RANK: Record<PlaceLevel, number> = { province: 1, city: 2, county: 3, town: 4 };
/** Units whose level their kind tells: towns and streets, and the units below them. */
const KIND_RANK: Partial<Record<UnitKind, number>> = { town: 4, street: 4, community: 5, school: 5, company: 5, hospital: 5 };

/** The document's level: 1 province … 4 town, 5 below a town; null when neither its unit kind nor its home tells. */
export function unitLevel(d: Pick<KindDoc, 'unitType' | 'homeLevel'>): number | null {
  return KIND_RANK[d.unitType] ?? (d.homeLevel ? LEVEL_RANK[d.homeLevel] : null);
}

/** The kind of a copy between documents `a` and `b` in a cluster of `clusterUnits` distinct units. */
export function copyKind(a: KindDoc, b: KindDoc, clusterUnits: number, templateMinUnits: number): CopyKind {
  if (a.unit === b.unit) return 'self';
  const la = unitLevel(a);
  const lb = unitLevel(b);
  if (la !== null && lb !== null && la !== lb && (a.homeCode === null || b.homeCode === null || related(a.homeCode, b.homeCode))) return 'vertical';
  if (clusterUnits >= templateMinUnits) return 'template';
  return 'horizontal';
}

/** Which way a vertical copy goes, from `source` to `copy`: down the hierarchy or up it; null when not vertical or the levels are unknown. */
export function verticalWay(source: KindDoc, copy: KindDoc): 'down' | 'up' | null {
  const ls = unitLevel(source);
  const lc = unitLevel(copy);
  return ls === null || lc === null || ls === lc ? null : ls < lc ? 'down' : 'up';
}

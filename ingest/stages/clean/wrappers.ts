import { readDataFile } from '../../data-file';
import { DataFileError } from '../../../common/data-file-error';
import { sampleOf, type CleanHints, type Removal, type SourceLine, type StepResult } from './types';

/** How a wrapper rule removes text. */
export type WrapperKind = 'line' | 'inline' | 'block' | 'tail';

/** A site-wrapper rule as written in `data/rules/site-wrappers.json`. */
export interface WrapperRule {
  readonly name: string;
  readonly kind: WrapperKind;
  readonly pattern: string;
  /** block: how many lines after the match go with it. */
  readonly follow?: number;
  /** block: after those, the lines that go on going with it while they match this (a tips box's numbered items). */
  readonly while?: string;
}

/** A rule with its patterns compiled. */
export interface CompiledRule extends WrapperRule {
  readonly re: RegExp;
  readonly whileRe?: RegExp;
}

const KINDS: readonly WrapperKind[] = ['line', 'inline', 'block', 'tail'];

/** A list bullet that scraped list items (<li>) carry before their text: rules match the text after it. */
const LIST_BULLET = /^[-•·▪●◆■*]\s+/u;

/** Read and compile the rule list; a bad rule is a user error that names the rule. */
export function loadWrapperRules(path: string): CompiledRule[] {
  const text = readDataFile(path, 'rule list');
  let parsed: { rules?: WrapperRule[] };
  try {
    parsed = JSON.parse(text) as { rules?: WrapperRule[] };
  } catch (err) {
    const at = /position (\d+)/u.exec((err as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : strayCommaLine(text);
    throw new DataFileError(path, line, `not valid JSON: ${(err as Error).message.replace(/\s+/gu, ' ')}`);
  }
  if (!Array.isArray(parsed.rules)) throw new DataFileError(path, null, 'expected a "rules" array');
  return parsed.rules.map((rule) => compileRule(rule, path));
}

/** The line of the first comma with nothing before or after it (`[,` `,]` `,,` `,}`), outside strings: the usual hand-editing slip. */
function strayCommaLine(text: string): number | null {
  let inString = false;
  let last = '';
  let lastAt = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/u.test(c)) continue;
    if (c === '"') inString = true;
    if ((c === ',' && /[[{,]/u.test(last)) || (/[\]}]/u.test(c) && last === ',')) return text.slice(0, c === ',' ? i : lastAt).split('\n').length;
    last = c;
    lastAt = i;
  }
  return null;
}

/** Compile one rule, checking its kind and pattern. */
export function compileRule(rule: WrapperRule, where = 'rule list'): CompiledRule {
  if (!KINDS.includes(rule.kind)) throw new DataFileError(where, null, `rule ${rule.name} has unknown kind ${rule.kind} (known: ${KINDS.join(', ')})`);
  try {
    const re = new RegExp(rule.pattern, rule.kind === 'inline' ? 'gu' : 'u');
    return rule.while === undefined ? { ...rule, re } : { ...rule, re, whileRe: new RegExp(rule.while, 'u') };
  } catch (err) {
    throw new DataFileError(where, null, `rule ${rule.name} has a bad pattern: ${(err as Error).message}`);
  }
}

/**
 * Remove site wrappers (intros, footers, viewer banners, widgets) line by line.
 * Named groups `title` and `posted` in a matching rule are collected into `hints`.
 */
export function stripWrappers(lines: readonly SourceLine[], rules: readonly CompiledRule[], hints: CleanHints): StepResult {
  const kept: SourceLine[] = [];
  const removals: Removal[] = [];
  let skip = 0;
  let chain: Chain | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (skip === 0 && chain) skip = chainGoesOn(chain, line.text.trim()) ? 1 : 0;
    if (skip > 0) {
      skip--;
      if (chain) chain.last = chainNumber(chain, line.text.trim());
      removals.push({ rule: 'block_follow', chars: line.text.length, sample: sampleOf(line.text), lineNo: line.lineNo });
      continue;
    }
    chain = null;
    let text = line.text;
    let dropped = false;
    let probe = text.trim();
    let bare = probe.replace(LIST_BULLET, '');
    for (const rule of rules) {
      if (rule.kind === 'inline') {
        text = text.replace(rule.re, (m) => {
          removals.push({ rule: rule.name, chars: m.length, sample: sampleOf(m), lineNo: line.lineNo });
          return '';
        });
        probe = text.trim();
        bare = probe.replace(LIST_BULLET, '');
        continue;
      }
      const m = rule.re.exec(probe) ?? (bare === probe ? null : rule.re.exec(bare));
      if (!m) continue;
      collectHints(m, hints);
      if (rule.kind === 'tail') {
        const rest = lines
          .slice(i)
          .map((l) => l.text)
          .join('\n');
        removals.push({ rule: rule.name, chars: rest.length, sample: sampleOf(rest), lineNo: line.lineNo });
        return { lines: kept, removals };
      }
      removals.push({ rule: rule.name, chars: text.length, sample: sampleOf(text), lineNo: line.lineNo });
      if (rule.kind === 'block') {
        skip = rule.follow ?? 0;
        chain = rule.whileRe ? { re: rule.whileRe, last: null } : null;
      }
      dropped = true;
      break;
    }
    if (!dropped) kept.push(text === line.text ? line : { text, lineNo: line.lineNo });
  }
  return { lines: kept, removals };
}

/** A block rule's `while` list being removed: its pattern, and the number of its last line (null when that line was not one of the list). */
interface Chain {
  readonly re: RegExp;
  last: number | null;
}

/** The number a line of a block's `while` list carries (its group `n`, else one more than the last), or null when it is not such a line. */
function chainNumber(chain: Chain, text: string): number | null {
  const m = chain.re.exec(text);
  if (!m) return null;
  const n = m.groups?.['n'];
  return n === undefined ? (chain.last ?? 0) + 1 : Number(n);
}

/** Whether a line still goes with the block: the line before it was one of the block's list, and this one continues its numbering. */
function chainGoesOn(chain: Chain, text: string): boolean {
  return chain.last !== null && chainNumber(chain, text) === chain.last + 1;
}

function collectHints(m: RegExpExecArray, hints: CleanHints): void {
  const title = m.groups?.['title']?.trim();
  if (title) hints.titles.push(title);
  const posted = m.groups?.['posted'];
  if (posted && hints.postedYear === null) hints.postedYear = Number(posted);
}

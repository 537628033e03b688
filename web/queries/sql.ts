/**
 * A tiny `sql` template: values become numbered prepared-statement parameters (`$1`, `$2` …),
 * fragments nest, identifiers go through {@link ident}. Nothing is ever spliced into SQL text
 * except literals written in the source and quoted identifiers.
 */
import { quoteIdent } from '../../common/schema';
import type { Param } from '../db/connector';

/** A piece of SQL with its parameters, kept apart until {@link render}. */
export class Sql {
  /** `parts.length === values.length + 1`; a value sits between two parts. */
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly Param[],
  ) {}
}

/** Build SQL from a template; interpolated values become parameters, interpolated `Sql` nests. */
export function sql(strings: TemplateStringsArray, ...values: readonly (Param | Sql)[]): Sql {
  const parts: string[] = [strings[0] ?? ''];
  const params: Param[] = [];
  values.forEach((v, i) => {
    const next = strings[i + 1] ?? '';
    if (v instanceof Sql) {
      parts[parts.length - 1] += v.parts[0] ?? '';
      v.values.forEach((p, j) => {
        params.push(p);
        parts.push(v.parts[j + 1] ?? '');
      });
      parts[parts.length - 1] += next;
    } else {
      params.push(v);
      parts.push(next);
    }
  });
  return new Sql(parts, params);
}

/** SQL text taken verbatim: only for text written in the source, never for user input. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

/** A quoted identifier (`"end"`), optionally qualified (`corpus."documents"`). */
export function ident(...names: readonly string[]): Sql {
  return raw(names.map(quoteIdent).join('.'));
}

/**
 * A list of strings as one parameter, split again in SQL: `string_split($n, chr(31))` (the values
 * joined by the unit separator U+001F). An empty list gives `['']`.
 */
export function textList(values: readonly string[]): Sql {
  return sql`string_split(${values.join('\u001f')}, chr(31))`;
}

/**
 * The statement text with `$n` placeholders and its parameters in order. duckdb-wasm binds every
 * JS number as DOUBLE, which functions such as `substring` refuse, so integer values are cast to
 * BIGINT in the text (`$3::BIGINT`).
 */
export function render(q: Sql): { text: string; params: Param[] } {
  let text = q.parts[0] ?? '';
  q.values.forEach((v, i) => {
    const cast = typeof v === 'number' && Number.isInteger(v) ? '::BIGINT' : '';
    text += `$${i + 1}${cast}${q.parts[i + 1] ?? ''}`;
  });
  return { text, params: [...q.values] };
}

/** How many rows a table paged by the database asks for: one page, more on request, back to one page when what it lists changes. */
import { useState } from 'react';

/** The row limit for the table identified by `key` (its filters, search, sort …), and a function that asks for `step` more. */
export function usePageLimit(key: string, page: number, step = page * 4): [number, () => void] {
  const [more, setMore] = useState({ key, limit: page });
  const limit = more.key === key ? more.limit : page;
  return [limit, () => setMore({ key, limit: limit + step })];
}

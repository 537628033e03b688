/** Short labels for documents (`#3 2024 标题…`), from the metadata of just the documents asked for. */
import { useMemo } from 'react';
import { useQuery } from '../db/useQuery';
import { documentsByIds, type DocListRow } from '../queries/documents';

/** Labels, full titles and source files of the documents `ids` (null: none yet). */
export function useDocLabels(ids: readonly number[] | null): {
  label(id: number): string;
  title(id: number): string;
  source(id: number): string;
  get(id: number): DocListRow | undefined;
  /** The documents' metadata is in (true at once when none is asked for). */
  ready: boolean;
} {
  const key = ids ? [...new Set(ids)].sort((a, b) => a - b) : null;
  const list = useQuery(key ? documentsByIds(key) : null);
  return useMemo(() => {
    const byId = new Map((list.data ?? []).map((d) => [d.doc_id, d]));
    return {
      ready: list.status === 'ready' || list.status === 'off',
      get: (id) => byId.get(id),
      title: (id) => byId.get(id)?.title ?? '',
      source: (id) => byId.get(id)?.source_path ?? '',
      label: (id) => {
        const d = byId.get(id);
        if (!d) return `#${id}`;
        const title = d.title.length > 16 ? `${d.title.slice(0, 16)}…` : d.title;
        return `#${id} ${d.year ?? ''} ${title}`.replace(/\s+/g, ' ');
      },
    };
  }, [list.data, list.status]);
}

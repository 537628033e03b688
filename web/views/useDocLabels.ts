/** Short labels for documents (`#3 2024 标题…`), from the (cached) document list. */
import { useMemo } from 'react';
import { useQuery } from '../db/useQuery';
import { documentList, type DocListRow } from '../queries/documents';
import { NO_FILTERS } from '../queries/filters';

/** Every document of the corpus, a short label, the full title and the source file of any of them. */
export function useDocLabels(): {
  label(id: number): string;
  title(id: number): string;
  source(id: number): string;
  get(id: number): DocListRow | undefined;
  all: DocListRow[];
} {
  const list = useQuery(documentList(NO_FILTERS));
  return useMemo(() => {
    const all = list.data ?? [];
    const byId = new Map(all.map((d) => [d.doc_id, d]));
    return {
      all,
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
  }, [list.data]);
}

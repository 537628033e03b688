/** Document × document heatmap of shared characters; clicking a cell opens the comparison. */
import { useMemo } from 'react';
import { heatmapOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { docPairs, type ReuseKind } from '../queries/boilerplate';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { useDocLabels } from './useDocLabels';

const MAX_DOCS = 40;

/** The matrix card for reuse of `kind`. */
export function ReuseMatrix({ kind, controls }: { kind: ReuseKind; controls: React.ReactNode }) {
  const { t } = useI18n();
  const { filters, setParams } = useRoute();
  const labels = useDocLabels();
  const state = useQuery(docPairs(filters, kind, 2000));
  const built = useMemo(() => {
    const pairs = state.data ?? [];
    const weight = new Map<number, number>();
    for (const p of pairs) for (const d of [p.doc_x, p.doc_y]) weight.set(d, (weight.get(d) ?? 0) + p.shared_chars);
    const docs = [...weight].sort((a, b) => b[1] - a[1]).slice(0, MAX_DOCS).map(([d]) => d).sort((a, b) => a - b);
    const index = new Map(docs.map((d, i) => [d, i]));
    const cells: [number, number, number][] = [];
    const shared = docs.map(() => docs.map((): number | null => null));
    for (const p of pairs) {
      const x = index.get(p.doc_x);
      const y = index.get(p.doc_y);
      if (x === undefined || y === undefined) continue;
      cells.push([x, y, p.shared_chars], [y, x, p.shared_chars]);
      shared[x]![y] = shared[y]![x] = p.shared_chars;
    }
    const names = docs.map(labels.label);
    const option = heatmapOption(names, names, cells, { digits: 0, labelRotate: 40 });
    const data = { header: [t('col.doc'), ...names], rows: docs.map((d, i) => [names[i] ?? String(d), ...(shared[i] ?? [])]) };
    return { option, data, docs };
  }, [state.data, labels, t]);
  return (
    <QueryBlock state={state}>
      {() => (
        <ChartCard
          title={t('boiler.matrix')}
          option={built.option}
          data={built.data}
          name={`doc-x-doc-${kind}`}
          height={Math.max(360, built.docs.length * 26 + 160)}
          controls={controls}
          testId="chart-reuse-matrix"
          onClick={(e) => {
            const v = e.value as number[];
            const a = built.docs[v[1] ?? -1];
            const b = built.docs[v[0] ?? -1];
            if (a !== undefined && b !== undefined) setParams({ [PARAMS.compareA]: a, [PARAMS.compareB]: b });
          }}
        />
      )}
    </QueryBlock>
  );
}

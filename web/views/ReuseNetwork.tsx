/**
 * The reuse network: documents as nodes (sized by length), shared text as edges (width by shared
 * characters), coloured by unit kind or year; same filters and reuse kind as the matrix. Clicking an
 * edge opens the comparison of its two documents.
 */
import { useMemo, useState } from 'react';
import { graphOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { Segmented } from '../components/Segmented';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { docPairs, type ReuseKind } from '../queries/boilerplate';
import { documentsByIds } from '../queries/documents';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { scrollToComparison } from './scroll-to-comparison';

type ColorBy = 'unit_type' | 'year';

/** Edges kept, strongest first (a force layout beyond this is unreadable and slow). */
const MAX_EDGES = 1500;

/** The network card. */
export function ReuseNetwork({ kind }: { kind: ReuseKind }) {
  const { t, label, num } = useI18n();
  const { filters, setParams } = useRoute();
  const pairs = useQuery(docPairs(filters, kind, MAX_EDGES));
  const ids = useMemo(() => [...new Set((pairs.data ?? []).flatMap((p) => [p.doc_x, p.doc_y]))].sort((a, b) => a - b), [pairs.data]);
  // the metadata of the documents on the network only, not of the whole filtered corpus
  const docs = useQuery(pairs.data ? documentsByIds(ids) : null);
  const [colorBy, setColorBy] = useState<ColorBy>('unit_type');
  const built = useMemo(() => {
    const list = pairs.data ?? [];
    const meta = new Map((docs.data ?? []).map((d) => [d.doc_id, d]));
    const ids = [...new Set(list.flatMap((p) => [p.doc_x, p.doc_y]))].filter((d) => meta.has(d));
    const groupOf = (id: number) => {
      const d = meta.get(id);
      return colorBy === 'year' ? (d?.year === null || d?.year === undefined ? t('unknown') : String(d.year)) : label('unitType', d?.unit_type ?? null);
    };
    const categories = [...new Set(ids.map(groupOf))].sort();
    const nodes = ids.map((id) => {
      const d = meta.get(id);
      return {
        id: String(id),
        name: `#${id}`,
        size: d?.char_count ?? 1,
        category: categories.indexOf(groupOf(id)),
        tooltip: `#${id} ${d?.title ?? ''}\n${d?.year ?? t('unknown')} · ${label('unitType', d?.unit_type ?? null)} · ${num(d?.char_count ?? 0)} ${t('n.charsShort', { n: '' }).trim()}`,
      };
    });
    const edges = list
      .filter((p) => meta.has(p.doc_x) && meta.has(p.doc_y))
      .map((p) => ({
        source: String(p.doc_x),
        target: String(p.doc_y),
        weight: p.shared_chars,
        tooltip: `#${p.doc_x} × #${p.doc_y}\n${t('col.sharedChars')}: ${num(p.shared_chars)} · ${t('col.passages')}: ${num(p.passages)}`,
      }));
    return { option: graphOption(nodes, edges, categories), nodes: nodes.length, edges: edges.length };
  }, [pairs.data, docs.data, colorBy, t, label, num]);
  return (
    <QueryBlock state={pairs}>
      {() => (
        <ChartCard
          title={t('boiler.network')}
          option={built.nodes ? built.option : null}
          name={`reuse-network-${kind}`}
          height={460}
          testId="chart-reuse-network"
          unit={t('unit.sharedChars')}
          caption={`${built.nodes} ${t('col.docs')} · ${built.edges} ${t('col.passages')}`}
          controls={
            <Segmented
              label={t('boiler.colorBy')}
              value={colorBy}
              onChange={setColorBy}
              options={[
                { value: 'unit_type', label: t('col.unitType') },
                { value: 'year', label: t('col.year') },
              ]}
            />
          }
          note={t('boiler.networkNote')}
          onClick={(e) => {
            const edge = e.dataType === 'edge' ? (e.data as { source?: string; target?: string }) : null;
            const src = Number(edge?.source);
            const dst = Number(edge?.target);
            if (src && dst) {
              setParams({ [PARAMS.compareA]: src, [PARAMS.compareB]: dst });
              scrollToComparison();
            }
          }}
        />
      )}
    </QueryBlock>
  );
}

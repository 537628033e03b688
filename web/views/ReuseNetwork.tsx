/**
 * The reuse network: documents (or their units) as nodes (sized by length), shared text as edges
 * (width by shared characters) coloured by the kind of copying the ingest found (`reuse_pairs`, grey
 * for shared formulas), with an arrow from the earlier document to the later when their years differ;
 * nodes coloured by unit kind or year; same filters and reuse kind as the matrix. Clicking an edge
 * between documents opens their comparison.
 */
import { useMemo, useState } from 'react';
import { graphOption } from '../charts/options';
import { COPY_KIND_COLORS, FORMULA_COLOR } from '../charts/copy-kind-colors';
import { ChartCard } from '../components/ChartCard';
import { Segmented } from '../components/Segmented';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { docPairs, type DocPair, type ReuseKind } from '../queries/boilerplate';
import { documentsByIds, type DocListRow } from '../queries/documents';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import type { TableData } from '../export/table-data';
import { scrollToComparison } from './scroll-to-comparison';
import { COPY_KINDS, type CopyKind } from '../../common/schema';

type ColorBy = 'unit_type' | 'year';
type NodesBy = 'doc' | 'unit';

/** Edges kept, strongest first (a force layout beyond this is unreadable and slow). */
const MAX_EDGES = 1500;

const kindColor = (kind: string | null) => (kind && kind in COPY_KIND_COLORS ? COPY_KIND_COLORS[kind as CopyKind] : FORMULA_COLOR);

/** An edge between two nodes: the pairs of documents it stands for, summed. */
interface Edge {
  source: string;
  target: string;
  chars: number;
  passages: number;
  /** Characters by kind of copying ('' for formulas). */
  kinds: Map<string, number>;
  /** Shared characters whose source (by year) is `source`, and those whose source is `target`. */
  forward: number;
  backward: number;
}

/** The pairs as edges between nodes (`nodeOf` a document's node; pairs inside one node are left out). */
function edgesOf(pairs: readonly DocPair[], nodeOf: (doc: number) => string): Edge[] {
  const edges = new Map<string, Edge>();
  for (const p of pairs) {
    const [x, y] = [nodeOf(p.doc_x), nodeOf(p.doc_y)];
    if (x === y) continue;
    const [source, target] = p.source === p.doc_y ? [y, x] : [x, y];
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const e = edges.get(key) ?? { source, target, chars: 0, passages: 0, kinds: new Map(), forward: 0, backward: 0 };
    e.chars += p.shared_chars;
    e.passages += p.passages;
    e.kinds.set(p.copy_kind ?? '', (e.kinds.get(p.copy_kind ?? '') ?? 0) + p.shared_chars);
    if (p.dated) {
      if (source === e.source) e.forward += p.shared_chars;
      else e.backward += p.shared_chars;
    }
    edges.set(key, e);
  }
  return [...edges.values()];
}

/** The network card. */
export function ReuseNetwork({ kind }: { kind: ReuseKind }) {
  const { t, label, num } = useI18n();
  const { filters, setParams } = useRoute();
  const pairs = useQuery(docPairs(filters, kind, MAX_EDGES));
  const ids = useMemo(() => [...new Set((pairs.data ?? []).flatMap((p) => [p.doc_x, p.doc_y]))].sort((a, b) => a - b), [pairs.data]);
  // the metadata of the documents on the network only, not of the whole filtered corpus
  const docs = useQuery(pairs.data ? documentsByIds(ids) : null);
  const [colorBy, setColorBy] = useState<ColorBy>('unit_type');
  const [nodesBy, setNodesBy] = useState<NodesBy>('doc');
  const built = useMemo(() => {
    const list = (pairs.data ?? []).filter((p) => (docs.data ?? []).some((d) => d.doc_id === p.doc_x) && (docs.data ?? []).some((d) => d.doc_id === p.doc_y));
    const meta = new Map((docs.data ?? []).map((d) => [d.doc_id, d]));
    // a document without a unit is a node of its own in the units' network
    const nodeOf = (id: number) => (nodesBy === 'unit' && meta.get(id)?.org ? `u:${meta.get(id)!.org}` : `d:${id}`);
    const members = new Map<string, DocListRow[]>();
    for (const id of new Set(list.flatMap((p) => [p.doc_x, p.doc_y]))) {
      const d = meta.get(id);
      if (d) members.set(nodeOf(id), [...(members.get(nodeOf(id)) ?? []), d]);
    }
    const groupOf = (ds: DocListRow[]) => {
      const d = ds[0];
      if (colorBy === 'year') {
        const years = [...new Set(ds.map((x) => x.year))];
        return years.length === 1 && years[0] !== null && years[0] !== undefined ? String(years[0]) : t('unknown');
      }
      return label('unitType', d?.unit_type ?? null);
    };
    const categories = [...new Set([...members.values()].map(groupOf))].sort();
    const nodes = [...members].map(([id, ds]) => {
      const d = ds[0]!;
      const chars = ds.reduce((s, x) => s + x.char_count, 0);
      const unit = id.startsWith('u:');
      return {
        id,
        name: unit ? id.slice(2) : `#${d.doc_id}`,
        size: chars,
        category: categories.indexOf(groupOf(ds)),
        tooltip: unit
          ? `${id.slice(2)}\n${ds.length} ${t('col.docs')} · ${[...new Set(ds.map((x) => x.year ?? t('unknown')))].join('、')}`
          : `#${d.doc_id} ${d.title}\n${d.year ?? t('unknown')} · ${label('unitType', d.unit_type)} · ${num(d.char_count)} ${t('n.charsShort', { n: '' }).trim()}`,
      };
    });
    const edges = edgesOf(list, nodeOf).map((e) => {
      const main = [...e.kinds].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      // an arrow when the dated pairs agree on a direction; drawn from source to target
      const reversed = e.backward > e.forward;
      const kinds = [...e.kinds]
        .filter(([k]) => k)
        .map(([k, n]) => `${label('copyKind', k)} ${num(n)}`)
        .join(' · ');
      const name = (n: string) => (n.startsWith('u:') ? n.slice(2) : `#${n.slice(2)}`);
      return {
        source: reversed ? e.target : e.source,
        target: reversed ? e.source : e.target,
        weight: e.chars,
        passages: e.passages,
        kind: main,
        color: kindColor(main || null),
        arrow: e.forward + e.backward > 0 && e.forward !== e.backward,
        tooltip: `${name(e.source)} × ${name(e.target)}\n${t('col.sharedChars')}: ${num(e.chars)} · ${t('col.passages')}: ${num(e.passages)}${kinds ? `\n${kinds}` : ''}`,
      };
    });
    const nameOf = new Map(nodes.map((n) => [n.id, n.name]));
    // the edges as a table: what the network draws, to read and export
    const data: TableData = {
      header: [t('boiler.edgeFrom'), t('boiler.edgeTo'), t('col.sharedChars'), t('col.passages'), t('col.kinds'), t('boiler.edgeDirected')],
      rows: edges.map((e) => [
        nameOf.get(e.source) ?? e.source,
        nameOf.get(e.target) ?? e.target,
        e.weight,
        e.passages,
        e.kind ? label('copyKind', e.kind) : t('boiler.kind.formula'),
        e.arrow ? t('boiler.edgeByYear') : '',
      ]),
    };
    return { option: graphOption(nodes, edges, categories), data, nodes: nodes.length, edges: edges.length };
  }, [pairs.data, docs.data, colorBy, nodesBy, t, label, num]);
  return (
    <QueryBlock state={pairs}>
      {() => (
        <ChartCard
          title={t('boiler.network')}
          option={built.nodes ? built.option : null}
          data={built.data}
          name={`reuse-network-${kind}`}
          height={460}
          testId="chart-reuse-network"
          unit={t('unit.sharedChars')}
          caption={`${built.nodes} ${t(nodesBy === 'unit' ? 'boiler.nodes.unit' : 'col.docs')} · ${built.edges} ${t('col.passages')}`}
          controls={
            <>
              <Segmented
                label={t('boiler.nodes')}
                value={nodesBy}
                onChange={setNodesBy}
                options={[
                  { value: 'doc', label: t('boiler.nodes.doc') },
                  { value: 'unit', label: t('boiler.nodes.unit') },
                ]}
              />
              <Segmented
                label={t('boiler.colorBy')}
                value={colorBy}
                onChange={setColorBy}
                options={[
                  { value: 'unit_type', label: t('col.unitType') },
                  { value: 'year', label: t('col.year') },
                ]}
              />
            </>
          }
          note={
            <>
              {t('boiler.networkNote')} {t('boiler.edgeKinds')}{' '}
              <span className="kind-legend" data-testid="network-kind-legend">
                {COPY_KINDS.map((k) => (
                  <span key={k} className="kind-swatch" data-kind={k}>
                    <i style={{ background: COPY_KIND_COLORS[k] }} /> {label('copyKind', k)}
                  </span>
                ))}
              </span>
            </>
          }
          onClick={(e) => {
            const edge = e.dataType === 'edge' ? (e.data as { source?: string; target?: string }) : null;
            if (!edge?.source?.startsWith('d:') || !edge.target?.startsWith('d:')) return;
            const src = Number(edge.source.slice(2));
            const dst = Number(edge.target.slice(2));
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

/**
 * Document × document heatmap of shared characters, readable at 50–500 documents: documents ordered
 * by shared amount or grouped by cluster, 30 to a page, a search to pick a document (it and its
 * partners are shown), full titles in the tooltip; clicking a cell opens the comparison and scrolls
 * to it. Beside it, the pairs sharing most, as a table.
 */
import { useMemo, useState } from 'react';
import { heatmapOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { DataTable, type Column } from '../components/DataTable';
import { Segmented } from '../components/Segmented';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { docPairs, type DocPair, type ReuseKind } from '../queries/boilerplate';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { useDocLabels } from './useDocLabels';
import { scrollToComparison } from './scroll-to-comparison';

/** Documents on one page of the matrix. */
const PAGE = 30;

type Order = 'shared' | 'cluster';

/** Documents in order: by total shared characters, or grouped (each strongest document followed by its partners, strongest first). */
export function orderDocs(pairs: readonly DocPair[], order: Order): number[] {
  const weight = new Map<number, number>();
  const partners = new Map<number, [number, number][]>();
  for (const p of pairs) {
    for (const [d, o] of [
      [p.doc_x, p.doc_y],
      [p.doc_y, p.doc_x],
    ] as const) {
      weight.set(d, (weight.get(d) ?? 0) + p.shared_chars);
      partners.set(d, [...(partners.get(d) ?? []), [o, p.shared_chars]]);
    }
  }
  const byWeight = [...weight].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([d]) => d);
  if (order === 'shared') return byWeight;
  const out: number[] = [];
  const seen = new Set<number>();
  for (const start of byWeight) {
    if (seen.has(start)) continue;
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const d = queue.shift()!;
      out.push(d);
      for (const [o] of (partners.get(d) ?? []).sort((a, b) => b[1] - a[1])) {
        if (seen.has(o)) continue;
        seen.add(o);
        queue.push(o);
      }
    }
  }
  return out;
}

/** The matrix card and the top-pairs table for reuse of `kind`. */
export function ReuseMatrix({ kind, controls }: { kind: ReuseKind; controls: React.ReactNode }) {
  const { t, num } = useI18n();
  const { filters, setParams } = useRoute();
  const state = useQuery(docPairs(filters, kind, 20000));
  const ids = useMemo(() => (state.data ? state.data.flatMap((p) => [p.doc_x, p.doc_y]) : null), [state.data]);
  const labels = useDocLabels(ids);
  const [order, setOrder] = useState<Order>('shared');
  const [page, setPage] = useState(0);
  const [search, setSearch] = useState('');
  const built = useMemo(() => {
    const pairs = state.data ?? [];
    let docs = orderDocs(pairs, order);
    const total = docs.length;
    const needle = search.trim().toLowerCase().replace(/^#/, '');
    if (needle) {
      const hit = new Set(docs.filter((d) => String(d) === needle || labels.title(d).toLowerCase().includes(needle)));
      const near = new Map<number, number>();
      for (const p of pairs) {
        if (hit.has(p.doc_x)) near.set(p.doc_y, Math.max(near.get(p.doc_y) ?? 0, p.shared_chars));
        if (hit.has(p.doc_y)) near.set(p.doc_x, Math.max(near.get(p.doc_x) ?? 0, p.shared_chars));
      }
      docs = [
        ...hit,
        ...[...near]
          .filter(([d]) => !hit.has(d))
          .sort((a, b) => b[1] - a[1])
          .map(([d]) => d),
      ];
    }
    const pages = Math.max(1, Math.ceil(docs.length / PAGE));
    const p = Math.min(page, pages - 1);
    const shown = docs.slice(p * PAGE, (p + 1) * PAGE);
    const index = new Map(shown.map((d, i) => [d, i]));
    const cells: [number, number, number][] = [];
    const shared = shown.map((): (number | null)[] => shown.map(() => null));
    const passages = new Map<string, number>();
    for (const q of pairs) {
      const x = index.get(q.doc_x);
      const y = index.get(q.doc_y);
      if (x === undefined || y === undefined) continue;
      cells.push([x, y, q.shared_chars], [y, x, q.shared_chars]);
      shared[x]![y] = shared[y]![x] = q.shared_chars;
      passages.set(`${x}:${y}`, q.passages);
      passages.set(`${y}:${x}`, q.passages);
    }
    const names = shown.map(labels.label);
    const short = shown.map((d) => {
      const l = labels.label(d);
      return l.length > 14 ? `${l.slice(0, 14)}…` : l;
    });
    const option = heatmapOption(short, short, cells, {
      digits: 0,
      labelRotate: 40,
      zoom: shown.length > 20,
      tooltip: (x, y, v) =>
        `${names[y] ?? ''}\n× ${names[x] ?? ''}\n${t('col.sharedChars')}: ${num(v)} · ${t('col.passages')}: ${num(passages.get(`${x}:${y}`) ?? 0)}`,
    });
    const data = { header: [t('col.doc'), ...names], rows: shown.map((d, i) => [names[i] ?? String(d), ...(shared[i] ?? [])]) };
    return { option, data, docs: shown, pages, page: p, total, matched: docs.length };
  }, [state.data, labels, t, num, order, page, search]);
  const pairColumns: Column<DocPair>[] = useMemo(
    () => [
      { key: 'doc_x', label: t('col.docA'), value: (r) => labels.label(r.doc_x), className: 'col-title' },
      { key: 'doc_y', label: t('col.docB'), value: (r) => labels.label(r.doc_y), className: 'col-title' },
      { key: 'shared_chars', label: t('col.sharedChars'), value: (r) => r.shared_chars, numeric: true, format: 'integer' },
      { key: 'passages', label: t('col.passages'), value: (r) => r.passages, numeric: true },
      { key: 'id_x', label: `${t('col.docA')} ${t('col.id')}`, value: (r) => r.doc_x, exportOnly: true },
      { key: 'id_y', label: `${t('col.docB')} ${t('col.id')}`, value: (r) => r.doc_y, exportOnly: true },
      { key: 'source_x', label: `${t('col.docA')} ${t('col.source')}`, value: (r) => labels.source(r.doc_x), exportOnly: true },
      { key: 'source_y', label: `${t('col.docB')} ${t('col.source')}`, value: (r) => labels.source(r.doc_y), exportOnly: true },
    ],
    [t, labels],
  );
  const open = (a: number, b: number) => {
    setParams({ [PARAMS.compareA]: a, [PARAMS.compareB]: b });
    scrollToComparison();
  };
  const matrixControls = (
    <div className="controls-row matrix-controls">
      <input
        className="input small"
        type="search"
        value={search}
        placeholder={t('boiler.matrixSearch')}
        data-testid="matrix-search"
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(0);
        }}
      />
      <Segmented
        label={t('boiler.order')}
        value={order}
        onChange={(v) => {
          setOrder(v);
          setPage(0);
        }}
        options={[
          { value: 'shared', label: t('boiler.order.shared') },
          { value: 'cluster', label: t('boiler.order.cluster') },
        ]}
      />
      {built.pages > 1 && (
        <span className="pager">
          <button type="button" className="btn btn-small" disabled={built.page === 0} onClick={() => setPage(built.page - 1)}>
            ‹ {t('boiler.prev')}
          </button>
          <span className="muted" data-testid="matrix-page">
            {t('boiler.page', { p: built.page + 1, n: built.pages })}
          </span>
          <button type="button" className="btn btn-small" disabled={built.page >= built.pages - 1} onClick={() => setPage(built.page + 1)}>
            {t('boiler.next')} ›
          </button>
        </span>
      )}
    </div>
  );
  return (
    <QueryBlock state={labels.ready ? state : { status: 'loading', data: null }}>
      {(pairs) => (
        <div className="grid-2-1">
          <ChartCard
            title={t('boiler.matrix')}
            option={built.option}
            data={built.data}
            name={`doc-x-doc-${kind}`}
            height={Math.max(360, built.docs.length * 22 + 200)}
            controls={controls}
            testId="chart-reuse-matrix"
            unit={t('unit.sharedChars')}
            caption={t('boiler.matrixNote', { shown: built.docs.length, total: built.total })}
            note={
              <>
                {matrixControls}
                <span className="muted">{t('boiler.matrixNote', { shown: built.docs.length, total: built.total })}</span>
              </>
            }
            onClick={(e) => {
              const v = e.value as number[];
              const a = built.docs[v[1] ?? -1];
              const b = built.docs[v[0] ?? -1];
              if (a !== undefined && b !== undefined) open(a, b);
            }}
          />
          <section className="card" data-testid="reuse-pairs">
            <header className="card-head">
              <h3>{t('boiler.pairs')}</h3>
            </header>
            <DataTable
              columns={pairColumns}
              rows={pairs}
              name={`reuse-pairs-${kind}`}
              title={t('boiler.pairs')}
              defaultSort={{ key: 'shared_chars', desc: true }}
              pageSize={10}
              rowKey={(r) => `${r.doc_x}:${r.doc_y}`}
              onRowClick={(r) => open(r.doc_x, r.doc_y)}
            />
          </section>
        </div>
      )}
    </QueryBlock>
  );
}

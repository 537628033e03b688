/**
 * Collocates of the searched word: the terms found with it in the same sentences of the filtered
 * documents, by log-Dice (and MI), as a table and a small network around the word.
 */
import { useMemo } from 'react';
import { graphOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { DataTable, type Column } from '../components/DataTable';
import { HelpTip } from '../components/HelpTip';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { collocates } from '../queries/collocations';
import { logDice, mutualInformation } from '../stats/collocation';

/** Collocates drawn on the network. */
const GRAPH_COLLOCATES = 20;

interface Scored {
  term: string;
  together: number;
  freq: number;
  log_dice: number;
  mi: number;
}

export function Collocates({ node }: { node: string }) {
  const { t, num } = useI18n();
  const { filters, param, setParams, href } = useRoute();
  const minTogether = Math.max(1, Number(param(PARAMS.collocMin) ?? 3) || 3);
  const state = useQuery(collocates(filters, node, minTogether));
  const rows = useMemo(
    () =>
      (state.data ?? [])
        .map((r): Scored => {
          // a sample of the documents was searched: its counts scaled by the node's occurrences
          const together = r.searched_docs < r.node_docs ? Math.round((r.together * r.node_freq) / Math.max(1, r.searched_freq)) : r.together;
          return {
            term: r.term,
            together,
            freq: r.freq,
            log_dice: Number(logDice(together, r.node_freq, r.freq).toFixed(3)),
            mi: Number(mutualInformation(together, r.node_freq, r.freq, r.tokens).toFixed(3)),
          };
        })
        .sort((a, b) => b.log_dice - a.log_dice || b.together - a.together || (a.term < b.term ? -1 : 1)),
    [state.data],
  );
  const first = state.data?.[0];
  const nodeFreq = first?.node_freq ?? 0;
  const sampled = first !== undefined && first.searched_docs < first.node_docs;
  const graph = useMemo(() => {
    const top = rows.slice(0, GRAPH_COLLOCATES);
    const maxTogether = Math.max(1, ...top.map((r) => r.together));
    return graphOption(
      [
        { id: node, name: node, size: maxTogether * 2, category: 0, tooltip: `${node}: ${nodeFreq}` },
        ...top.map((r) => ({
          id: r.term,
          name: r.term,
          size: r.together,
          category: 1,
          tooltip: `${r.term}\nlog-Dice ${r.log_dice} · ${t('colloc.together')} ${r.together}`,
        })),
      ],
      top.map((r) => ({ source: node, target: r.term, weight: Math.max(0.1, r.log_dice), tooltip: `${node} — ${r.term}: log-Dice ${r.log_dice}` })),
      [t('colloc.node'), t('colloc.collocate')],
    );
  }, [rows, node, nodeFreq, t]);
  const columns: Column<Scored>[] = [
    { key: 'term', label: t('col.term'), value: (r) => r.term, render: (r) => <a href={href('kwic', { [PARAMS.phrase]: `${node} ${r.term}` })}>{r.term}</a> },
    { key: 'log_dice', label: 'log-Dice', value: (r) => r.log_dice, numeric: true },
    { key: 'mi', label: 'MI', value: (r) => r.mi, numeric: true },
    { key: 'together', label: t('colloc.together'), value: (r) => r.together, numeric: true },
    { key: 'freq', label: t('col.freq'), value: (r) => r.freq, numeric: true },
  ];
  const controls = (
    <label className="field">
      <span>{t('colloc.min')}</span>
      <select data-colloc="min" value={minTogether} onChange={(e) => setParams({ [PARAMS.collocMin]: e.target.value }, { replace: true })}>
        {[1, 2, 3, 5, 10].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <QueryBlock state={state} isEmpty={(r) => r.length === 0} emptyMessage={t('colloc.none', { q: node, n: minTogether })}>
      {() => (
        <div className="grid-2" data-testid="collocates">
          <section className="card" data-testid="collocates-table">
            <header className="card-head">
              <h3>
                {t('colloc.title', { q: node })} <HelpTip topic="logDice" />
              </h3>
              <span className="spacer" />
              {controls}
            </header>
            <p className="note">
              {t('colloc.note', { n: num(nodeFreq) })}
              {sampled && <strong data-testid="collocates-sampled"> {t('colloc.sampled', { k: num(first!.searched_docs), n: num(first!.node_docs) })}</strong>}
            </p>
            <DataTable columns={columns} rows={rows} name={`collocates-${node}`} title={t('colloc.title', { q: node })} rowKey={(r) => r.term} />
          </section>
          <ChartCard
            title={t('colloc.graph', { q: node })}
            option={rows.length ? graph : null}
            name={`collocates-graph-${node}`}
            height={420}
            testId="chart-collocates"
          />
        </div>
      )}
    </QueryBlock>
  );
}

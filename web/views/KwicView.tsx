/** 检索 KWIC: a word or phrase → concordance lines, with counts by year and by document. */
import { useMemo, type ReactNode } from 'react';
import { parseQuery, splitQuery } from '../text/search-query';
import { useSimplifier } from './useSimplifier';
import { barOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { contextColumns } from '../components/context-columns';
import { DataTable, parseSort, type Column } from '../components/DataTable';
import { Segmented } from '../components/Segmented';
import { Loading, QueryBlock } from '../components/Status';
import { useReadyDatabase } from '../db/DatabaseProvider';
import { runQuery } from '../db/statement';
import { useQuery } from '../db/useQuery';
import { usePageLimit } from '../components/usePageLimit';
import { useI18n } from '../app/useI18n';
import { Collocates } from './Collocates';
import { kwicDocCounts, kwicLines, kwicYearCounts, type KwicDocCount, type KwicLine, type KwicSort } from '../queries/kwic';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';

/** Concordance lines and documents on a page of their tables; an export holds at most {@link EXPORT_LINES} lines. */
const LINES_PAGE = 100;
const DOCS_PAGE = 10;
const EXPORT_LINES = 5000;
const DOC_SORT = { key: 'hits', desc: true };

/** `text` with every occurrence of `terms` (lower-case) marked. */
function marked(text: string, terms: readonly string[]): ReactNode {
  if (!terms.length) return text;
  const lower = text.toLowerCase();
  const out: ReactNode[] = [];
  let i = 0;
  while (i < text.length) {
    let next = -1;
    let len = 0;
    for (const term of terms) {
      const at = lower.indexOf(term, i);
      if (at >= 0 && (next < 0 || at < next)) [next, len] = [at, term.length];
    }
    if (next < 0) break;
    out.push(text.slice(i, next), <mark key={next}>{text.slice(next, next + len)}</mark>);
    i = next + len;
  }
  out.push(text.slice(i));
  return out;
}

function Results({ terms, context }: { terms: string[]; context: number }) {
  const { t, num } = useI18n();
  const { filters, param, setParams, href } = useRoute();
  const connector = useReadyDatabase().connector;
  const phrase = terms.join(' ');
  const s = param(PARAMS.kwicSort);
  const sortBy: KwicSort = s === 'left' || s === 'right' ? s : 'pos';
  const docSort = parseSort(param(PARAMS.kwicDocSort), DOC_SORT);
  const [lineLimit, moreLines] = usePageLimit(JSON.stringify([filters, terms, context, sortBy]), LINES_PAGE);
  const [docLimit, moreDocs] = usePageLimit(JSON.stringify([filters, terms, docSort]), DOCS_PAGE);
  // the totals and the chart first, then the two tables, each a page at a time
  const counts = useQuery(kwicYearCounts(filters, terms));
  const docPage = useQuery(kwicDocCounts(filters, terms, docSort, docLimit));
  const lines = useQuery(kwicLines(filters, terms, context, lineLimit, sortBy));
  const byYear = useMemo(() => {
    const rows = (counts.data ?? []).map((c) => [c.year === null ? t('unknown') : String(c.year), c.hits] as const);
    return {
      option: barOption(
        rows.map(([y]) => y),
        [{ name: t('col.hits'), data: rows.map(([, n]) => n) }],
        false,
      ),
      data: { header: [t('col.year'), t('col.hits')], rows: rows.map(([y, n]) => [y, n]) },
    };
  }, [counts.data, t]);
  const total = (counts.data ?? []).reduce((a, c) => a + c.hits, 0);
  const docTotal = (counts.data ?? []).reduce((a, c) => a + c.docs, 0);
  const lineColumns: Column<KwicLine>[] = [
    { key: 'doc_id', label: t('col.id'), value: (r) => r.doc_id, numeric: true, plain: true, sortable: false, exportOnly: true },
    { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true, sortable: false },
    {
      key: 'title',
      label: t('col.doc'),
      value: (r) => r.title,
      className: 'col-title',
      sortable: false,
      render: (r) => <a href={href('documents', { [PARAMS.doc]: r.doc_id, [PARAMS.offset]: r.pos })}>{r.title}</a>,
    },
    ...contextColumns<KwicLine>(
      { left: t('col.left'), match: t('col.match'), right: t('col.right') },
      { sortable: false, ...(terms.length > 1 ? { renderRight: (r: KwicLine) => marked(r.right, terms.slice(1)) } : {}) },
    ),
  ];
  const docColumns: Column<KwicDocCount>[] = [
    { key: 'doc_id', label: t('col.id'), value: (r) => r.doc_id, numeric: true, plain: true },
    {
      key: 'title',
      label: t('col.doc'),
      value: (r) => r.title,
      className: 'col-title',
      render: (r) => <a href={href('documents', { [PARAMS.doc]: r.doc_id })}>{r.title}</a>,
    },
    { key: 'year', label: t('col.year'), value: (r) => r.year, numeric: true, plain: true },
    { key: 'hits', label: t('col.hits'), value: (r) => r.hits, numeric: true },
    { key: 'per10k', label: t('col.per10k'), value: (r) => Number(((r.hits * 1e4) / Math.max(1, r.char_count)).toFixed(2)), numeric: true },
    { key: 'char_count', label: t('col.chars'), value: (r) => r.char_count, exportOnly: true },
    { key: 'source_path', label: t('col.source'), value: (r) => r.source_path, exportOnly: true },
  ];
  return (
    <QueryBlock state={counts} emptyMessage={t('kwic.none', { q: phrase })}>
      {() => (
        <div className="stack">
          <p className="summary" data-testid="kwic-total">
            {terms.length > 1
              ? t('kwic.sentences', { n: num(total), d: num(docTotal), terms: terms.map((x) => `“${x}”`).join(' ') })
              : t('kwic.total', { n: num(total), d: num(docTotal) })}
          </p>
          <div className="grid-2">
            <ChartCard
              title={t('kwic.byYear')}
              option={byYear.option}
              data={byYear.data}
              name={`kwic-${phrase}-by-year`}
              height={260}
              testId="chart-kwic-years"
            />
            <section className="card">
              <header className="card-head">
                <h3>{t('kwic.byDoc')}</h3>
              </header>
              <DataTable
                columns={docColumns}
                rows={docPage.data ?? []}
                name={`kwic-${phrase}-by-doc`}
                sortParam={PARAMS.kwicDocSort}
                defaultSort={DOC_SORT}
                pageSize={DOCS_PAGE}
                paged={{ total: docTotal, onMore: moreDocs, all: () => runQuery(connector, kwicDocCounts(filters, terms, docSort, null)) }}
              />
            </section>
          </div>
          <section className="card" data-testid="kwic-lines">
            <header className="card-head">
              <h3>{t('kwic.lines')}</h3>
              <span className="spacer" />
              <Segmented
                label={t('kwic.sort')}
                value={sortBy}
                onChange={(v) => setParams({ [PARAMS.kwicSort]: v === 'pos' ? null : v }, { replace: true })}
                options={(['pos', 'left', 'right'] as const).map((v) => ({ value: v, label: t(`kwic.sort.${v}`) }))}
              />
            </header>
            <QueryBlock state={lines}>
              {(rows) => (
                <DataTable
                  columns={lineColumns}
                  rows={rows}
                  name={`kwic-${phrase}`}
                  pageSize={LINES_PAGE}
                  rowKey={(r) => `${r.doc_id}:${r.pos}`}
                  paged={{ total, onMore: moreLines, all: () => runQuery(connector, kwicLines(filters, terms, context, EXPORT_LINES, sortBy)) }}
                />
              )}
            </QueryBlock>
          </section>
          {terms.length === 1 && <Collocates node={terms[0]!} />}
        </div>
      )}
    </QueryBlock>
  );
}

/** The view. */
export function KwicView() {
  const { t } = useI18n();
  const { param, setParams } = useRoute();
  const q = param(PARAMS.phrase) ?? '';
  const context = Math.min(200, Math.max(5, Number(param(PARAMS.context)) || 30));
  const conv = useSimplifier();
  const terms = useMemo(() => (conv ? parseQuery(q, conv) : null), [q, conv]);
  const asTyped = splitQuery(q).join(' ');
  return (
    <div className="stack">
      <form
        className="card search-bar"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ [PARAMS.phrase]: String(new FormData(e.currentTarget).get('q') ?? '').trim() || null });
        }}
      >
        {/* uncontrolled, and new whenever the URL's phrase changes (back, a link): no copy of it kept in state */}
        <input key={q} name="q" className="input big" type="search" defaultValue={q} autoFocus placeholder={t('kwic.placeholder')} data-testid="kwic-input" />
        <label className="field">
          <span>{t('kwic.context')}</span>
          <select value={context} onChange={(e) => setParams({ [PARAMS.context]: e.target.value }, { replace: true })}>
            {[10, 20, 30, 50, 80, 120].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" data-testid="kwic-submit">
          {t('kwic.search')}
        </button>
      </form>
      {terms && terms.join(' ') !== asTyped && (
        <p className="note" data-testid="kwic-normalised">
          {t('kwic.normalised', { q: terms.map((x) => (x.includes(' ') ? `"${x}"` : x)).join(' ') })}
        </p>
      )}
      {q.trim() && !terms ? <Loading /> : terms?.length ? <Results terms={terms} context={context} /> : <p className="muted center">{t('kwic.hint')}</p>}
    </div>
  );
}

/**
 * One document: metadata, the cleaned text with theme terms and reused passages highlighted (as
 * React text runs, never HTML), the reused passages with links to compare, and the cleaning log.
 */
import { useEffect, useMemo, useRef } from 'react';
import { DataTable, type Column } from '../components/DataTable';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import type { MessageKey } from '../i18n/messages';
import { useI18n } from '../app/useI18n';
import {
  cleaningLog,
  documentById,
  documentReuseSpans,
  documentQuotations,
  documentThemeHits,
  documentUnlocalised,
  type CleaningRow,
  type DocReuseSpan,
} from '../queries/documents';
import { toStringIndices } from '../../common/offsets';
import { segmentText, type Mark } from '../text/segments';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { HighlightedText } from './HighlightedText';
import { HelpTip } from '../components/HelpTip';

/** The column label of each field the overrides file may correct. */
const CORRECTED_LABEL: Record<string, MessageKey> = { year: 'col.year', doc_type: 'col.type', unit_type: 'col.unitType', org: 'col.org', title: 'col.title' };

/** The reader for `docId`; `at` (the URL's `offset`) scrolls to an offset. */
export function DocumentReader({ docId, at }: { docId: number; at: number | null }) {
  const { t, label, num, pct } = useI18n();
  const { param, setParams, href } = useRoute();
  const info = useCorpusInfo();
  const doc = useQuery(documentById(docId));
  const hits = useQuery(documentThemeHits(docId));
  const spans = useQuery(documentReuseSpans(docId));
  const leaks = useQuery(documentUnlocalised(docId));
  const quotes = useQuery(documentQuotations(docId));
  const d = doc.data?.[0];
  const log = useQuery(d?.source_path ? cleaningLog(d.source_path) : null);
  const showThemes = param(PARAMS.highlightThemes) !== '0';
  const showReuse = param(PARAMS.highlightReuse) !== '0';
  const text = d?.text ?? '';
  // the database counts code points; the page slices JavaScript strings
  const ix = useMemo(() => toStringIndices(text), [text]);
  const themeIndex = useMemo(() => new Map(info.themes.map((x, i) => [x.theme, i])), [info.themes]);
  const segments = useMemo(() => {
    const marks: Mark[] = [];
    if (showThemes)
      for (const h of hits.data ?? [])
        marks.push({
          start: ix(h.start),
          end: ix(h.end),
          kind: 'theme',
          key: String((themeIndex.get(h.theme) ?? 0) % 8),
          title: `${info.themeLabel(h.theme)} · ${h.term}`,
        });
    if (showReuse)
      for (const s of spans.data ?? [])
        marks.push({
          start: ix(s.start),
          end: ix(s.end),
          kind: s.kind === 'formula' ? 'formula' : 'reused',
          title: `${s.partner_title ?? s.partner} (${s.kind ?? ''})`,
        });
    if (at !== null) marks.push({ start: ix(at), end: ix(at + 1), kind: 'target' });
    return segmentText(text.length, marks);
  }, [text, ix, hits.data, spans.data, showThemes, showReuse, at, themeIndex, info]);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    body.current?.querySelector('.mark-target')?.scrollIntoView({ block: 'center' });
  }, [segments]);
  const spanColumns: Column<DocReuseSpan>[] = [
    { key: 'start', label: t('col.offset'), value: (r) => r.start, numeric: true, plain: true },
    { key: 'passage', label: t('col.passage'), value: (r) => text.slice(ix(r.start), ix(r.end)), className: 'wrap clip' },
    { key: 'kind', label: t('col.kind'), value: (r) => (r.kind ? t(r.kind === 'formula' ? 'kind.formula' : 'kind.copy') : '') },
    {
      key: 'partner',
      label: t('col.partner'),
      value: (r) => r.partner_title ?? String(r.partner),
      render: (r) => <a href={href('boilerplate', { [PARAMS.compareA]: docId, [PARAMS.compareB]: r.partner })}>{r.partner_title ?? r.partner}</a>,
    },
    { key: 'similarity', label: t('col.similarity'), value: (r) => Number(r.similarity.toFixed(3)), numeric: true },
  ];
  const logColumns: Column<CleaningRow>[] = [
    { key: 'line', label: t('col.line'), value: (r) => r.line_no, numeric: true, plain: true },
    { key: 'rule', label: t('col.rule'), value: (r) => r.rule },
    { key: 'removed', label: t('col.removed'), value: (r) => r.chars_removed, numeric: true },
    { key: 'sample', label: t('col.sample'), value: (r) => r.sample, className: 'wrap' },
  ];
  return (
    <QueryBlock state={doc}>
      {() => (
        <div className="stack" data-testid="reader">
          <section className="card reader">
            <header className="card-head">
              <div>
                <h2 className="doc-title">{d?.title}</h2>
                <div className="muted">
                  <span title={d?.year_source ? t(`yearSource.${d.year_source}` as MessageKey) : undefined} data-testid="reader-meta">
                    {t('docs.meta', {
                      year: d?.year ?? t('unknown'),
                      type: label('docType', d?.doc_type ?? null),
                      org: d?.org ?? t('unknown'),
                      unit: label('unitType', d?.unit_type ?? null),
                      chars: num(d?.char_count),
                    })}
                    {d?.year_source === 'landmark' ? ` (${t('yearSource.landmark')})` : ''}
                  </span>
                  {d?.corrected && (
                    <>
                      {' · '}
                      <span className="badge" data-testid="reader-corrected" title={t('yearSource.override')}>
                        {t('docs.corrected', {
                          fields: d.corrected
                            .split(',')
                            .map((f) => t(CORRECTED_LABEL[f] ?? 'col.title'))
                            .join(', '),
                        })}
                      </span>
                    </>
                  )}
                  {d?.home_path && (
                    <>
                      {' · '}
                      <span className="badge" data-testid="reader-home" title={`${t('docs.homeEvidence')}: ${d.home_evidence ?? ''}`}>
                        {t('docs.home')} {d.home_path}
                      </span>
                    </>
                  )}
                  {(leaks.data?.length ?? 0) > 0 && (
                    <>
                      {' · '}
                      <a
                        className="badge badge-warn"
                        data-testid="reader-unlocalised"
                        href={href('boilerplate', { [PARAMS.compareA]: leaks.data![0]!.source_doc, [PARAMS.compareB]: docId })}
                        title={[
                          t('unloc.badgeHelp'),
                          ...leaks.data!.map((u) => `${u.name} ← #${u.source_doc}${u.source_home ? ` (${u.source_home})` : ''}`),
                        ].join('\n')}
                      >
                        {t('unloc.badge', { n: leaks.data!.length })}
                      </a>
                    </>
                  )}
                  {(quotes.data?.length ?? 0) > 0 && (
                    <>
                      {' · '}
                      <span
                        className="badge"
                        data-testid="reader-quotations"
                        title={quotes.data!.map((q) => `${text.slice(ix(q.start), ix(q.end)).slice(0, 40)}… ← ${q.title}`).join('\n')}
                      >
                        {t('quote.badge', { n: quotes.data!.length })}
                      </span>
                    </>
                  )}
                  {d?.share != null && (
                    <>
                      {' · '}
                      <span data-testid="reader-share" title={t('docs.shareHelp')}>
                        {t('col.share')} {pct(d.share)}
                      </span>
                      <HelpTip topic="share" />
                    </>
                  )}
                  {' · '}
                  {d?.source_path}
                </div>
              </div>
              <span className="spacer" />
              <label className="check">
                <input
                  type="checkbox"
                  checked={showThemes}
                  onChange={(e) => setParams({ [PARAMS.highlightThemes]: e.target.checked ? null : '0' }, { replace: true })}
                />{' '}
                {t('docs.highlightThemes')}
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={showReuse}
                  onChange={(e) => setParams({ [PARAMS.highlightReuse]: e.target.checked ? null : '0' }, { replace: true })}
                />{' '}
                {t('docs.highlightReuse')}
              </label>
              <button type="button" className="btn btn-small" onClick={() => setParams({ [PARAMS.doc]: null, [PARAMS.offset]: null })}>
                {t('docs.close')}
              </button>
            </header>
            <div className="legend">
              {showThemes && <span className="mark-theme mark-theme-0">{t('docs.legend.theme')}</span>}
              {showReuse && <span className="mark-reused">{t('docs.legend.reused')}</span>}
              {showReuse && <span className="mark-formula">{t('docs.legend.formula')}</span>}
              {showReuse && <HelpTip topic="formulaVsCopy" />}
            </div>
            <div className="doc-text" ref={body}>
              <HighlightedText text={text} segments={segments} />
            </div>
          </section>
          {(spans.data?.length ?? 0) > 0 && (
            <section className="card">
              <header className="card-head">
                <h3>{t('docs.reuseSpans')}</h3>
              </header>
              <DataTable columns={spanColumns} rows={spans.data ?? []} name={`reuse-doc-${docId}`} sortParam={PARAMS.reuseSpanSort} />
            </section>
          )}
          <section className="card">
            <header className="card-head">
              <h3>{t('docs.cleaning', { file: d?.source_path ?? '' })}</h3>
            </header>
            <QueryBlock state={log} emptyMessage={t('docs.noCleaning')} emptyHint={t('docs.noCleaningHint')}>
              {(rows) => (
                <DataTable columns={logColumns} rows={rows} name={`cleaning-${d?.source_path ?? docId}`} sortParam={PARAMS.cleaningSort} pageSize={20} />
              )}
            </QueryBlock>
          </section>
        </div>
      )}
    </QueryBlock>
  );
}

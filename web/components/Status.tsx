/** Loading, empty and error states, so a failing or empty block never takes the page down. */
import type { ReactNode } from 'react';
import { QueryError } from '../db/query-error';
import type { QueryState } from '../db/useQuery';
import { useI18n } from '../app/useI18n';

/** A quiet spinner line. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="status status-loading" role="status">
      <span className="spinner" aria-hidden /> {label ?? t('loading')}
    </div>
  );
}

/** "Nothing matches" with a hint. */
export function Empty({ message, hint }: { message?: string; hint?: string }) {
  const { t } = useI18n();
  return (
    <div className="status status-empty">
      <strong>{message ?? t('empty')}</strong>
      <span>{hint ?? t('emptyHint')}</span>
    </div>
  );
}

/** A readable error; for a query error, the SQL that failed behind a disclosure. */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="status status-error" role="alert">
      <strong>{title ?? t('queryFailed')}</strong>
      <span className="error-message">{message}</span>
      {error instanceof QueryError && (
        <details>
          <summary>{t('showSql')}</summary>
          <pre>{error.sql}</pre>
          {error.params.length > 0 && <pre>{JSON.stringify(error.params)}</pre>}
        </details>
      )}
    </div>
  );
}

/**
 * Render a query's data once it is there: loading, error and empty states handled here, stale data
 * kept on screen (dimmed) while the next result loads.
 */
export function QueryBlock<R>({
  state,
  children,
  emptyMessage,
  emptyHint,
  isEmpty,
}: {
  state: QueryState<R>;
  children: (rows: R[]) => ReactNode;
  emptyMessage?: string;
  /** Replaces the default hint ("widen your filters") where filters are not the reason. */
  emptyHint?: string;
  isEmpty?: (rows: R[]) => boolean;
}) {
  if (state.status === 'error') return <ErrorBox error={state.error} />;
  if (state.status === 'off') return null;
  if (!state.data) return <Loading />;
  const empty = isEmpty ? isEmpty(state.data) : state.data.length === 0;
  return (
    <div className={state.status === 'loading' ? 'stale' : undefined} aria-busy={state.status === 'loading'}>
      {empty ? <Empty message={emptyMessage} hint={emptyHint} /> : children(state.data)}
    </div>
  );
}

/** The page shown when there is no corpus database: how to make one. */
import { useI18n } from '../app/useI18n';

/** Instructions to run the ingest. */
export function NoDatabase() {
  const { t } = useI18n();
  return (
    <div className="no-db card" data-testid="no-database">
      <h2>{t('noDbTitle')}</h2>
      <p>{t('noDbBody')}</p>
      <pre className="command">npm run ingest</pre>
      <p>{t('noDbOwn')}</p>
      <pre className="command">npm run ingest -- --input /path/to/folder --db data/corpus.duckdb</pre>
      <button type="button" className="btn" onClick={() => window.location.reload()}>
        {t('retry')}
      </button>
    </div>
  );
}

/** A database written by another version of the ingest: which version, and the command that renews it. */
export function OldDatabase({ found }: { found: string | null }) {
  const { t } = useI18n();
  return (
    <div className="no-db card" data-testid="old-database">
      <h2>{t('oldDbTitle')}</h2>
      <p>{t('oldDbBody', { found: found ?? '1' })}</p>
      <pre className="command">npm run ingest</pre>
      <p>{t('noDbOwn')}</p>
      <pre className="command">npm run ingest -- --input /path/to/folder --db data/corpus.duckdb</pre>
    </div>
  );
}

/** The footer: which database is shown (its ingest date, documents and input folder, from `ingest_meta`), and that nothing leaves the browser. */
import { useI18n } from '../app/useI18n';
import { useDatabase } from '../db/DatabaseProvider';
import { useQuery } from '../db/useQuery';
import { ingestFacts } from '../queries/meta';

function Facts() {
  const { t } = useI18n();
  const facts = useQuery(ingestFacts());
  const get = (k: string) => facts.data?.find((r) => r.key === k)?.value;
  const input = get('input');
  const file = get('database') ?? 'corpus.duckdb';
  if (!facts.data) return null;
  return (
    <span data-testid="footer-db">
      {t('footer.db', {
        file: input ? `${file} ← ${input}` : file,
        docs: get('documents') ?? '?',
        date: (get('created_at') ?? '?').slice(0, 16).replace('T', ' '),
      })}
      {' · '}
    </span>
  );
}

/** The footer. */
export function Footer() {
  const { t } = useI18n();
  const state = useDatabase();
  return (
    <footer className="footer">
      {state.status === 'ready' && <Facts />}
      {t('footer')}
    </footer>
  );
}

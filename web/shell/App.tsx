/** The application shell: navigation, filters and the current view, once the database is ready. */
import { useEffect } from 'react';
import { DatabaseProvider, useDatabase } from '../db/DatabaseProvider';
import { NoDatabaseError } from '../db/wasm-connector';
import { ErrorBox, Loading } from '../components/Status';
import { NoDatabase, OldDatabase } from '../components/NoDatabase';
import { useQuery } from '../db/useQuery';
import { schemaVersion } from '../queries/meta';
import { SCHEMA_VERSION } from '../../common/schema';
import { useI18n } from '../app/useI18n';
import { BoilerplateView } from '../views/BoilerplateView';
import { DocumentsView } from '../views/DocumentsView';
import { KwicView } from '../views/KwicView';
import { FormulationsView } from '../views/FormulationsView';
import { OverviewView } from '../views/OverviewView';
import { ThemesView } from '../views/ThemesView';
import { TrendsView } from '../views/TrendsView';
import { CorpusInfoProvider } from '../app/useCorpusInfo';
import { FilterBar } from './FilterBar';
import { Footer } from './Footer';
import { NavBar } from './NavBar';
import type { ViewId } from '../app/route';
import { useRoute } from '../app/useRoute';

const VIEW_COMPONENTS: Record<ViewId, () => React.JSX.Element> = {
  overview: OverviewView,
  themes: ThemesView,
  trends: TrendsView,
  boilerplate: BoilerplateView,
  documents: DocumentsView,
  kwic: KwicView,
  formulations: FormulationsView,
};

/** The views, unless the database was written by another version of the ingest: then how to renew it. */
function VersionGate({ children }: { children: React.ReactNode }) {
  const version = useQuery(schemaVersion());
  if (version.data && version.data[0]?.value !== String(SCHEMA_VERSION)) return <OldDatabase found={version.data[0]?.value ?? null} />;
  return <>{children}</>;
}

function Body() {
  const state = useDatabase();
  const { t } = useI18n();
  const { route } = useRoute();
  if (state.status === 'idle' || state.status === 'loading') return <Loading label={t('startingDb')} />;
  if (state.status === 'failed') {
    return state.error instanceof NoDatabaseError ? <NoDatabase /> : <ErrorBox title={t('dbFailed')} error={state.error} />;
  }
  const View = VIEW_COMPONENTS[route.view];
  return (
    <VersionGate>
      <CorpusInfoProvider>
        <FilterBar />
        <main className="view" data-testid={`view-${route.view}`}>
          <View key={route.view} />
        </main>
      </CorpusInfoProvider>
    </VersionGate>
  );
}

/** The whole app. */
export function App() {
  const { t, lang } = useI18n();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t('appName')} · ${t('appTagline')}`;
  }, [t, lang]);
  return (
    <DatabaseProvider>
      <NavBar />
      <Body />
      <Footer />
    </DatabaseProvider>
  );
}

/** The top bar: brand, one tab per view, language switch. */
import { useI18n } from '../app/useI18n';
import { PARAMS } from '../app/params';
import { VIEWS } from '../app/route';
import { useRoute } from '../app/useRoute';

/** Navigation between views; links keep filters and language. */
export function NavBar() {
  const { t, lang } = useI18n();
  const { route, href, setParams } = useRoute();
  return (
    <header className="topbar">
      <a className="brand" href={href('overview')}>
        <span className="brand-mark" aria-hidden>
          报
        </span>
        <span className="brand-text">
          <strong>{t('appName')}</strong>
          <small>{t('appTagline')}</small>
        </span>
      </a>
      <nav className="tabs" aria-label="views">
        {VIEWS.map((v) => (
          <a key={v} href={href(v)} className={route.view === v ? 'tab active' : 'tab'} data-view={v} aria-current={route.view === v ? 'page' : undefined}>
            {t(`view.${v}`)}
          </a>
        ))}
      </nav>
      <button type="button" className="btn btn-ghost lang" data-action="lang" onClick={() => setParams({ [PARAMS.lang]: lang === 'zh' ? 'en' : null })}>
        {t('langSwitch')}
      </button>
    </header>
  );
}

/** 主题 Themes: theme × year, × document type and × unit, per 10,000 characters; click for lines. */
import { useMemo } from 'react';
import { DataTable, type Column } from '../components/DataTable';
import { Segmented } from '../components/Segmented';
import { useI18n } from '../app/useI18n';
import type { ThemeInfo } from '../queries/meta';
import type { ThemeGroup } from '../queries/themes';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { ThemeLines } from './ThemeLines';
import { ThemeMatrixCard } from './ThemeMatrixCard';

const GROUPS: readonly ThemeGroup[] = ['year', 'doc_type', 'unit_type', 'org'];

/** The view. */
export function ThemesView() {
  const { t, label } = useI18n();
  const { param, setParams } = useRoute();
  const info = useCorpusInfo();
  const unitBy: ThemeGroup = param(PARAMS.themeUnitBy) === 'org' ? 'org' : 'unit_type';
  const theme = param(PARAMS.cellTheme);
  const byParam = param(PARAMS.cellBy);
  const by = GROUPS.find((g) => g === byParam) ?? 'year';
  const key = param(PARAMS.cellKey);
  // the heatmaps' groupings, answered by one query
  const groups = useMemo((): ThemeGroup[] => ['year', 'doc_type', unitBy], [unitBy]);
  // One stable function per grouping: a new one at each render would redraw every heatmap on any URL change.
  const keyLabel = useMemo(() => {
    const of = (g: ThemeGroup) => (k: string) => (g === 'doc_type' ? label('docType', k) : g === 'unit_type' ? label('unitType', k) : k);
    return { year: of('year'), doc_type: of('doc_type'), unit_type: of('unit_type'), org: of('org') } satisfies Record<ThemeGroup, (k: string) => string>;
  }, [label]);
  const lexicon: Column<ThemeInfo>[] = [
    { key: 'theme', label: 'ID', value: (r) => r.theme },
    { key: 'label', label: t('col.theme'), value: (r) => info.themeLabel(r.theme) },
    { key: 'terms', label: t('themes.terms'), value: (r) => r.terms, numeric: true },
    { key: 'hits', label: t('col.hits'), value: (r) => r.hits, numeric: true },
    { key: 'examples', label: t('themes.examples'), value: (r) => r.examples, className: 'wrap' },
  ];
  return (
    <div className="stack">
      <ThemeMatrixCard
        by="year"
        groups={groups}
        title={t('themes.heatmap')}
        name="theme-by-year"
        keyLabel={keyLabel.year}
        testId="chart-theme-year"
        height={Math.max(320, info.themes.length * 34 + 90)}
      />
      {theme && key !== null && <ThemeLines cell={{ theme, by, key }} keyLabel={keyLabel[by](key)} />}
      <div className="grid-2">
        <ThemeMatrixCard
          by="doc_type"
          groups={groups}
          title={t('themes.byType')}
          name="theme-by-type"
          keyLabel={keyLabel.doc_type}
          testId="chart-theme-type"
          height={Math.max(320, info.themes.length * 30 + 90)}
        />
        <ThemeMatrixCard
          by={unitBy}
          groups={groups}
          title={t('themes.byUnit')}
          name={`theme-by-${unitBy}`}
          keyLabel={keyLabel[unitBy]}
          testId="chart-theme-unit"
          height={Math.max(320, info.themes.length * 30 + 90)}
          controls={
            <Segmented
              label={t('themes.unitBy')}
              value={unitBy}
              onChange={(v) => setParams({ [PARAMS.themeUnitBy]: v === 'org' ? 'org' : null })}
              options={[
                { value: 'unit_type', label: t('col.unitType') },
                { value: 'org', label: t('col.org') },
              ]}
            />
          }
        />
      </div>
      <section className="card">
        <header className="card-head">
          <h3>{t('themes.lexicon')}</h3>
        </header>
        <DataTable columns={lexicon} rows={info.themes} name="theme-lexicon" sortParam={PARAMS.lexiconSort} />
      </section>
    </div>
  );
}

/** One theme × group heatmap (per 10,000 characters) whose cells open their concordance lines. */
import { useMemo, type ReactNode } from 'react';
import { heatmapOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { pivot } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { themeRates, type ThemeCell, type ThemeGroup } from '../queries/themes';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';

/** The card for grouping `by`; `keyLabel` turns a group key into a column label. */
export function ThemeMatrixCard({ by, title, name, keyLabel, controls, testId, height = 380 }: {
  by: ThemeGroup;
  title: string;
  name: string;
  keyLabel: (key: string) => string;
  controls?: ReactNode;
  testId?: string;
  height?: number;
}) {
  const { t } = useI18n();
  const { filters, setParams } = useRoute();
  const info = useCorpusInfo();
  const state = useQuery(themeRates(filters, by));
  const built = useMemo(() => {
    const rows = state.data;
    // Theme labels come from the lexicon query: draw once they are there, not with raw ids first.
    if (!rows || !info.ready) return null;
    const themes = [...new Set(rows.map((r) => r.theme))];
    const keys = [...new Set(rows.map((r) => r.key))];
    const cells = rows.map((r): [number, number, number] => [keys.indexOf(r.key), themes.indexOf(r.theme), Number((r.per10k ?? 0).toFixed(2))]);
    const option = heatmapOption(keys.map(keyLabel), themes.map(info.themeLabel), cells, { labelRotate: by === 'org' ? 30 : 0 });
    const data = pivot<ThemeCell>(rows, (r) => info.themeLabel(r.theme), (r) => keyLabel(r.key), (r) => Number((r.per10k ?? 0).toFixed(3)), t('col.theme'));
    return { option, data, themes, keys };
  }, [state.data, keyLabel, info, by, t]);
  return (
    <QueryBlock state={state}>
      {() => (
        <ChartCard
          title={title}
          option={built?.option ?? null}
          data={built?.data}
          name={name}
          height={height}
          controls={controls}
          testId={testId}
          note={t('themes.clickHint')}
          onClick={(e) => {
            const v = e.value as number[];
            const key = built?.keys[v[0] ?? -1];
            const theme = built?.themes[v[1] ?? -1];
            if (key !== undefined && theme !== undefined) setParams({ [PARAMS.cellTheme]: theme, [PARAMS.cellBy]: by, [PARAMS.cellKey]: key });
          }}
        />
      )}
    </QueryBlock>
  );
}

/** One theme × group heatmap (per 10,000 characters) whose cells open their concordance lines. */
import { useMemo, type ReactNode } from 'react';
import { heatmapOption, type GroupSize } from '../charts/options';
import { HelpTip } from '../components/HelpTip';
import { isThin, MIN_CHARS, MIN_DOCS } from '../stats/sample';
import { ChartCard } from '../components/ChartCard';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { pivot } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { themeRates, type ThemeCell, type ThemeGroup } from '../queries/themes';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';

/**
 * The card for grouping `by`; `keyLabel` turns a group key into a column label. `groups` are the
 * groupings of every heatmap on the page (with `by`): one query answers them all.
 */
export function ThemeMatrixCard({
  by,
  groups = [by],
  title,
  name,
  keyLabel,
  controls,
  testId,
  height = 380,
}: {
  by: ThemeGroup;
  groups?: readonly ThemeGroup[];
  title: string;
  name: string;
  keyLabel: (key: string) => string;
  controls?: ReactNode;
  testId?: string;
  height?: number;
}) {
  const { t, num } = useI18n();
  const { filters, setParams } = useRoute();
  const info = useCorpusInfo();
  const state = useQuery(themeRates(filters, groups.includes(by) ? groups : [...groups, by]));
  const built = useMemo(() => {
    const rows = state.data?.filter((r) => r.by === by);
    // Theme labels come from the lexicon query: draw once they are there, not with raw ids first.
    if (!rows || !info.ready) return null;
    const themes = [...new Set(rows.map((r) => r.theme))];
    const keys = [...new Set(rows.map((r) => r.key))];
    const cells = rows.map((r): [number, number, number] => [keys.indexOf(r.key), themes.indexOf(r.theme), Number((r.per10k ?? 0).toFixed(2))]);
    const sizes = keys.map((k): GroupSize => {
      const r = rows.find((x) => x.key === k);
      const n = { docs: r?.docs ?? 0, chars: r?.chars ?? 0 };
      return { ...n, thin: isThin(n) };
    });
    const hitsOf = new Map(rows.map((r) => [`${r.key}\u0000${r.theme}`, r.hits]));
    const colLabel = (k: string, i: number) =>
      `${keyLabel(k)}${sizes[i]?.thin ? ' ⚠' : ''}\n${t('n.docsShort', { n: sizes[i]?.docs ?? 0 })} · ${t('n.charsShort', { n: num(sizes[i]?.chars ?? 0) })}`;
    const option = heatmapOption(keys.map(colLabel), themes.map(info.themeLabel), cells, {
      labelRotate: by === 'org' ? 30 : 0,
      sizes,
      tooltip: (x, y, v) => {
        const size = sizes[x];
        const key = keys[x] ?? '';
        return [
          `${info.themeLabel(themes[y] ?? '')} · ${keyLabel(key)}`,
          `${num(v, 2)} ${t('unit.per10k')} (${t('col.hits')} ${num(hitsOf.get(`${key}\u0000${themes[y]}`) ?? 0)})`,
          size ? t('n.size', { docs: num(size.docs), chars: num(size.chars) }) : '',
          size?.thin ? t('n.thinTip', { docs: MIN_DOCS, chars: num(MIN_CHARS) }) : '',
        ]
          .filter(Boolean)
          .join('\n');
      },
    });
    const table = pivot<ThemeCell>(
      rows,
      (r) => info.themeLabel(r.theme),
      (r) => keyLabel(r.key),
      (r) => Number((r.per10k ?? 0).toFixed(3)),
      t('col.theme'),
    );
    const data = { ...table, rows: [...table.rows, [t('col.docs'), ...sizes.map((x) => x.docs)], [t('col.chars'), ...sizes.map((x) => x.chars)]] };
    const thinKeys = keys.filter((_, i) => sizes[i]?.thin).map(keyLabel);
    const totalDocs = sizes.reduce((a, x) => a + x.docs, 0);
    const totalChars = sizes.reduce((a, x) => a + x.chars, 0);
    return { option, data, themes, keys, thinKeys, caption: t('n.size', { docs: num(totalDocs), chars: num(totalChars) }) };
  }, [state.data, keyLabel, info, by, t, num]);
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
          unit={t('unit.per10k')}
          caption={built?.caption}
          note={
            <>
              {t('themes.clickHint')} · {t('n.heatmapNote')} <HelpTip topic="per10k" /> <HelpTip topic="thin" />
              {built && built.thinKeys.length > 0 && (
                <span className="thin-note" data-testid={`${testId ?? name}-thin`}>
                  {' '}
                  {t('n.thinList', { docs: MIN_DOCS, chars: num(MIN_CHARS), keys: built.thinKeys.join('、') })}
                </span>
              )}
            </>
          }
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

/**
 * Recycled text by kind of copying, year by year: each year's characters taken from the same unit,
 * from another level of the jurisdiction, from a template many units share, or from peers, as a share
 * of the year's characters (stacked; the stack is the year's recycled share).
 */
import { useMemo } from 'react';
import { barOption } from '../charts/options';
import { COPY_KIND_COLORS, QUOTED_COLOR } from '../charts/copy-kind-colors';
import { ChartCard } from '../components/ChartCard';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import type { TableData } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { useRoute } from '../app/useRoute';
import { recycledByKind } from '../queries/boilerplate';
import { COPY_KINDS } from '../../common/schema';

export function ReuseKindsCard() {
  const { t, label } = useI18n();
  const { filters } = useRoute();
  const state = useQuery(recycledByKind(filters));
  const built = useMemo(() => {
    const rows = (state.data ?? []).filter((r) => r.chars > 0);
    const years = rows.map((r) => (r.year === null ? t('unknown') : String(r.year)));
    const pct = (n: number, of: number) => Math.round((1000 * n) / of) / 10;
    const option = barOption(
      years,
      COPY_KINDS.map((k) => ({ name: label('copyKind', k), data: rows.map((r) => pct(r[`${k}_chars`], r.chars)) })),
      true,
    );
    option.color = COPY_KINDS.map((k) => COPY_KIND_COLORS[k]);
    // quotation beside the stack, never in it: it is not copying
    if (rows.some((r) => r.quoted_chars > 0)) {
      (option.series as object[]).push({
        type: 'bar',
        name: t('kinds.quoted'),
        data: rows.map((r) => pct(r.quoted_chars, r.chars)),
        stack: 'quoted',
        barMaxWidth: 48,
        itemStyle: { color: QUOTED_COLOR },
      });
    }
    const data: TableData = {
      header: [
        t('col.year'),
        t('col.chars'),
        ...COPY_KINDS.map((k) => `${label('copyKind', k)} ${t('col.chars')}`),
        ...COPY_KINDS.map((k) => `${label('copyKind', k)} %`),
        `${t('kinds.quoted')} ${t('col.chars')}`,
      ],
      rows: rows.map((r, i) => [
        years[i]!,
        r.chars,
        ...COPY_KINDS.map((k) => r[`${k}_chars`]),
        ...COPY_KINDS.map((k) => pct(r[`${k}_chars`], r.chars)),
        r.quoted_chars,
      ]),
    };
    return { option, data, any: rows.some((r) => COPY_KINDS.some((k) => r[`${k}_chars`] > 0)) };
  }, [state.data, t, label]);
  return (
    <QueryBlock state={state}>
      {() => (
        <ChartCard
          title={t('kinds.title')}
          option={built.any ? built.option : null}
          data={built.data}
          name="recycled-by-kind"
          unit="%"
          testId="chart-reuse-kinds"
          note={built.any ? t('kinds.note') : t('kinds.none')}
        />
      )}
    </QueryBlock>
  );
}

/**
 * Self-copying per unit over time: for each unit with reports in two or more years, the share of each
 * year's text taken from the unit's own reports of earlier years (跨时抄), one line per unit.
 */
import { useMemo } from 'react';
import { lineOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import type { TableData } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { useRoute } from '../app/useRoute';
import { selfCopyByUnit } from '../queries/boilerplate';

/** Units drawn: those that took the most from their own past. */
const MAX_UNITS = 12;

export function SelfCopyTimeline() {
  const { t } = useI18n();
  const { filters } = useRoute();
  const state = useQuery(selfCopyByUnit(filters, MAX_UNITS));
  const built = useMemo(() => {
    const rows = state.data ?? [];
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    const units = [...new Set(rows.map((r) => r.org))];
    const share = (org: string, year: number) => {
      const r = rows.find((x) => x.org === org && x.year === year);
      return r ? Math.round((1000 * r.self_earlier_chars) / Math.max(1, r.chars)) / 10 : null;
    };
    const option = lineOption(
      years.map(String),
      units.map((org) => ({ name: org, data: years.map((y) => share(org, y)) })),
    );
    const data: TableData = {
      header: [t('col.org'), t('col.year'), t('col.docs'), t('col.chars'), t('selfcopy.chars'), t('selfcopy.share')],
      rows: rows.map((r) => [r.org, String(r.year), r.docs, r.chars, r.self_earlier_chars, share(r.org, r.year)]),
    };
    return { option, data, units: units.length };
  }, [state.data, t]);
  return (
    <QueryBlock state={state}>
      {() => (
        <ChartCard
          title={t('selfcopy.title')}
          option={built.units ? built.option : null}
          data={built.data}
          name="self-copying-by-unit"
          unit="%"
          testId="chart-self-copy"
          note={built.units ? t('selfcopy.note') : t('selfcopy.none')}
        />
      )}
    </QueryBlock>
  );
}

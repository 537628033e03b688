/**
 * Documents by place: under the place chosen in the filter bar (or at the top, by province), each
 * division below it with the documents whose home lies there. A bar opens the division (sets the
 * place filter to it); the table and the CSV give the division codes.
 */
import { useMemo } from 'react';
import { rankedBarOption } from '../charts/options';
import { ChartCard } from '../components/ChartCard';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import type { TableData } from '../export/table-data';
import { useI18n } from '../app/useI18n';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { placeChoices, type PlaceChoice } from '../queries/meta';

/** The divisions one level below `parent` (null: the provinces) that hold a document under the filters. */
export function placesUnder(rows: readonly PlaceChoice[], parent: string | null): PlaceChoice[] {
  return rows.filter((r) => r.parent_code === parent && r.n > 0).sort((a, b) => b.n - a.n || a.code.localeCompare(b.code));
}

export function PlacesCard() {
  const { t, label } = useI18n();
  const { filters, setParams } = useRoute();
  const state = useQuery(placeChoices(filters));
  const parent = filters.places.length === 1 ? filters.places[0]! : null;
  const built = useMemo(() => {
    const rows = placesUnder(state.data ?? [], parent);
    const option = rows.length
      ? rankedBarOption(
          rows.map((r) => r.name),
          rows.map((r) => r.n),
          '#0f766e',
        )
      : null;
    const data: TableData = {
      header: [t('places.code'), t('places.division'), t('places.level'), t('kpi.documents')],
      rows: rows.map((r) => [r.code, r.path, label('placeLevel', r.level), r.n]),
    };
    return { rows, option, data };
  }, [state.data, parent, t, label]);
  const at = parent ? state.data?.find((r) => r.code === parent) : undefined;
  return (
    <QueryBlock state={state}>
      {() => (
        <ChartCard
          title={at ? t('places.titleIn', { place: at.path }) : t('places.title')}
          option={built.option}
          data={built.data}
          name="documents-by-place"
          unit={t('kpi.documents')}
          height={Math.max(160, 26 * built.rows.length + 24)}
          testId="chart-places"
          note={<>{built.rows.length ? t('places.note') : t('places.none')}</>}
          controls={
            at ? (
              <button
                type="button"
                className="btn btn-small"
                data-action="place-up"
                onClick={() => setParams({ [PARAMS.place]: at.parent_code ? [at.parent_code] : null })}
              >
                ↑ {t('places.up')}
              </button>
            ) : undefined
          }
          onClick={(e) => {
            const row = built.rows.find((r) => r.name === e.name);
            if (row) setParams({ [PARAMS.place]: [row.code] });
          }}
        />
      )}
    </QueryBlock>
  );
}

/**
 * Two unit kinds, or two units, compared as the year comparison compares years: which terms one uses
 * significantly more than the other (G², log ratio, per 10,000 characters), under the global filters.
 */
import { Segmented } from '../components/Segmented';
import { useCorpusInfo } from '../app/useCorpusInfo';
import { useI18n } from '../app/useI18n';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { groupKeyness } from '../queries/trends';
import { TermKeyness } from './TermKeyness';

export function UnitCompare() {
  const { t, label } = useI18n();
  const { filters, param, setParams } = useRoute();
  const info = useCorpusInfo();
  const by = param(PARAMS.unitCompareBy) === 'org' ? 'org' : 'unit_type';
  const choices = info.choices[by];
  const a = param(PARAMS.unitA) ?? choices[0]?.value ?? null;
  const b = param(PARAMS.unitB);
  const name = (v: string) => (by === 'unit_type' ? label('unitType', v) : v);
  const select = (which: typeof PARAMS.unitA | typeof PARAMS.unitB, value: string | null, rest: boolean) => (
    <select data-compare={which} value={value ?? ''} onChange={(e) => setParams({ [which]: e.target.value || null }, { replace: true })}>
      {rest && <option value="">{t('compare.rest')}</option>}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {name(c.value)} ({c.n})
        </option>
      ))}
    </select>
  );
  return (
    <div className="stack" data-testid="unit-compare">
      <section className="card">
        <header className="card-head">
          <h3>{t('compare.title')}</h3>
          <span className="spacer" />
          <Segmented
            label={t('compare.by')}
            value={by}
            onChange={(v) => setParams({ [PARAMS.unitCompareBy]: v === 'unit_type' ? null : v, [PARAMS.unitA]: null, [PARAMS.unitB]: null }, { replace: true })}
            options={[
              { value: 'unit_type', label: t('col.unitType') },
              { value: 'org', label: t('col.org') },
            ]}
          />
        </header>
        <div className="controls-row">
          {select(PARAMS.unitA, a, false)}
          <span>{t('compare.against')}</span>
          {select(PARAMS.unitB, b, true)}
        </div>
        <p className="note">{t('compare.note')}</p>
      </section>
      {a !== null && (
        <TermKeyness
          a={name(a)}
          b={b === null ? t('compare.rest') : name(b)}
          counts={(minFreq) => groupKeyness(filters, { by, a, b, minFreq })}
          sortParam={PARAMS.unitKeynessSort}
          testPrefix="unit-"
          showNew={false}
        />
      )}
    </div>
  );
}

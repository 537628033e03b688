/** 套话 Boilerplate: shared text between documents, recurring passages, recycled shares, comparison. */
import { Segmented } from '../components/Segmented';
import { QueryBlock } from '../components/Status';
import { useQuery } from '../db/useQuery';
import { useI18n } from '../app/useI18n';
import type { ReuseKind } from '../queries/boilerplate';
import { reuseCount } from '../queries/meta';
import { PARAMS } from '../app/params';
import { useRoute } from '../app/useRoute';
import { ClusterTable } from './ClusterTable';
import { RecycledRanking } from './RecycledRanking';
import { ReuseMatrix } from './ReuseMatrix';
import { ReuseKindsCard } from './ReuseKindsCard';
import { ReuseNetwork } from './ReuseNetwork';
import { SelfCopyTimeline } from './SelfCopyTimeline';
import { UnlocalisedTable } from './UnlocalisedTable';
import { QuotationsCard } from './QuotationsCard';
import { SideBySide } from './SideBySide';

/** The view. */
export function BoilerplateView() {
  const { t } = useI18n();
  const { param, setParams } = useRoute();
  const count = useQuery(reuseCount());
  const k = param(PARAMS.reuseKind);
  const kind: ReuseKind = k === 'copy' || k === 'formula' ? k : 'all';
  const kindControl = (
    <Segmented
      label={t('boiler.kind')}
      value={kind}
      onChange={(v) => setParams({ [PARAMS.reuseKind]: v === 'all' ? null : v }, { replace: true })}
      options={(['all', 'copy', 'formula'] as const).map((v) => ({ value: v, label: t(`boiler.kind.${v}`) }))}
    />
  );
  return (
    <QueryBlock state={count} isEmpty={(r) => !r[0]?.passages} emptyMessage={t('boiler.missing')}>
      {() => (
        <div className="stack">
          <ReuseMatrix kind={kind} controls={kindControl} />
          <div className="grid-2">
            <ClusterTable kind={kind} />
            <ReuseNetwork kind={kind} />
          </div>
          <SideBySide />
          <div className="grid-2">
            <ReuseKindsCard />
            <SelfCopyTimeline />
          </div>
          <RecycledRanking />
          <UnlocalisedTable />
          <QuotationsCard />
        </div>
      )}
    </QueryBlock>
  );
}

import { useMemo } from 'react';
import { ChartFrame, type QueryStatus } from '../../charts/ChartFrame';
import { DataTable } from '../../charts/DataTable';
import type { RetentionQuery } from '../../gql/graphql';
import { LOG_RANK_COLUMNS, toLogRankRows } from './retention-shape';

/**
 * The log-rank test behind the p-value: per group type, the dropouts seen against those expected
 * if every type retained people alike. Where the test found a difference, this shows which types
 * lose more people than expected (observed ÷ expected above 1) and which fewer.
 */
export function LogRankTable({
  report,
  status,
}: {
  report: RetentionQuery['retention'] | undefined;
  status: QueryStatus;
}) {
  const rows = useMemo(() => toLogRankRows(report?.comparison ?? null), [report]);
  return (
    <ChartFrame
      title="Dropouts against expectation (log-rank)"
      figures="logRank"
      description="Dropouts in each group type, and those expected if every group type retained people alike. Above 1: more dropouts than expected."
      status={status}
      rows={rows}
      columns={LOG_RANK_COLUMNS}
      n={report ? { value: rows.reduce((sum, r) => sum + r.episodes, 0), unit: 'episodes compared' } : null}
      scope={report?.scope}
      emptyMessage="At least two group types need episodes in this period for the comparison."
    >
      <DataTable caption="Observed and expected dropouts by group type" rows={rows} columns={LOG_RANK_COLUMNS} />
    </ChartFrame>
  );
}

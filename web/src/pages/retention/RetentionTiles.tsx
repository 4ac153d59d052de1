import { formatCount, formatCi, formatDecimal, formatPercent, formatPValue } from '../../charts/format';
import { KpiTile, KpiTiles } from '../../charts/KpiTile';
import type { RetentionQuery } from '../../gql/graphql';

type RetentionReport = RetentionQuery['retention'];

/** Headline retention figures of all group types together. */
export function RetentionTiles({ report, loading }: { report: RetentionReport | undefined; loading: boolean }) {
  if (loading || !report) return <KpiTiles loading={loading} />;
  const { total, comparison } = report;
  const at90 = total.retainedAt.find((r) => r.days === 90);
  return (
    <KpiTiles>
      <KpiTile
        label="Retained at 90 days"
        figure="retainedAtDays"
        value={formatPercent(at90?.survival)}
        detail={formatCi(at90?.lower, at90?.upper)}
        n={`${formatCount(at90?.atRisk)} followed 90 days`}
      />
      <KpiTile
        label="Median days to dropout"
        figure="medianDaysToDropout"
        value={total.medianDaysToDropout === null ? 'Not reached' : String(total.medianDaysToDropout)}
        n={`${formatCount(total.dropouts)} dropouts of ${formatCount(total.episodes)}`}
      />
      <KpiTile
        label="Completion rate"
        figure="completionRate"
        value={formatPercent(total.completion.rate)}
        detail={formatCi(total.completion.lower, total.completion.upper)}
        n={`${formatCount(total.completion.numerator)} of ${formatCount(total.completion.denominator)} discharged`}
      />
      <KpiTile
        label="Median length of stay"
        figure="lengthOfStay"
        value={total.medianLengthOfStay === null ? '—' : `${formatDecimal(total.medianLengthOfStay, 0)} days`}
        n={`${formatCount(total.discharged)} discharged`}
      />
      <KpiTile
        label="Group types differ? (log-rank)"
        figure="logRank"
        value={comparison ? formatPValue(comparison.pValue) : '—'}
        detail={
          comparison
            ? `χ² = ${comparison.chiSquare.toFixed(2)}, df = ${comparison.df}`
            : 'Needs two group types with episodes'
        }
      />
    </KpiTiles>
  );
}

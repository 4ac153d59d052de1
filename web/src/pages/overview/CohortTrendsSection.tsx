import { useId, useMemo, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { figureColumns } from '../../charts/figures';
import { FigureLineChart } from '../../charts/FigureLineChart';
import { formatDecimal, formatRate } from '../../charts/format';
import { pendingUntilFiltered } from '../query-status';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { COHORT_MEASURES, monthLabel, toCohortFigures, type CohortMeasure } from './cohort-trend-shape';
import { useCohortTrendsQuery } from './useCohortTrendsQuery';

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];
const SCORE_TICKS = [0, 10, 20, 30, 40];
const formatScore = (v: number | null) => formatDecimal(v, 1);

/** "Trends by admission month": one measure at a time, a point per month with its 95% band. */
export function CohortTrendsSection({ filter }: { filter: MetricsFilterVariables | null }) {
  const query = useCohortTrendsQuery(filter);
  const [measure, setMeasure] = useState<CohortMeasure>('retained90');
  const selectId = useId();
  const definition = COHORT_MEASURES[measure];
  const figures = useMemo(() => toCohortFigures(query.data?.months ?? [], measure), [query.data, measure]);
  const format = definition.scale === 'percent' ? formatRate : formatScore;
  const columns = useMemo(
    () =>
      figureColumns({
        categoryLabel: measure === 'alliance' ? 'Session month' : 'Admission month',
        valueLabel: definition.label,
        format,
        nLabel: `n (${definition.n})`,
        numerator: measure !== 'alliance' && !measure.startsWith('retained'),
        figure: 'cohortTrends',
      }),
    [measure, definition, format],
  );

  return (
    <ChartFrame
      headingLevel={3}
      title="Trends by admission month"
      figures="cohortTrends"
      description="Each month's figure is computed as for the whole period, over the episodes admitted that month (the alliance: the sessions held that month). The band is its 95% interval; a month with no one in it is a gap."
      status={pendingUntilFiltered(query, filter)}
      rows={figures}
      columns={columns}
      scope={query.data?.scope}
      emptyMessage="No month of this period has admissions or sessions with these filters."
    >
      <div className="chart-option">
        <label htmlFor={selectId}>Measure</label>{' '}
        <select id={selectId} value={measure} onChange={(e) => setMeasure(e.target.value as CohortMeasure)}>
          {Object.entries(COHORT_MEASURES).map(([key, m]) => (
            <option key={key} value={key}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <FigureLineChart
        figures={figures}
        format={format}
        xLabel={measure === 'alliance' ? 'Month of the session' : 'Month of admission'}
        yLabel={definition.scale === 'percent' ? `${definition.label} (%)` : 'Mean session score'}
        yDomain={definition.scale === 'percent' ? [0, 1] : [0, 40]}
        yTicks={definition.scale === 'percent' ? PERCENT_TICKS : SCORE_TICKS}
        nUnit={definition.n}
        bandSeries={['total']}
        tickFormat={monthLabel}
        categoryTitle={monthLabel}
      />
    </ChartFrame>
  );
}

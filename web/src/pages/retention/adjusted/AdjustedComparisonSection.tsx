import { useMemo, useState } from 'react';
import { ChartFrame } from '../../../charts/ChartFrame';
import { DataTable } from '../../../charts/DataTable';
import { formatDecimal } from '../../../charts/format';
import {
  GROUP_TYPE_LABELS,
  GROUP_TYPES,
  isGroupType,
  type GroupType,
  type MetricsFilterVariables,
} from '../../../filters/group-types';
import { AdjustedCurvesChart } from './AdjustedCurvesChart';
import {
  CURVE_COLUMNS,
  describeHazards,
  estimateColumns,
  TEST_COLUMNS,
  toCovariateRows,
  toCurveRows,
  toGroupTypeRows,
  toTestRows,
  toTrendRows,
  TREND_COLUMNS,
} from './adjusted-shape';
import { ResidualTrendCharts } from './ResidualTrendCharts';
import { ForestPlot } from './ForestPlot';
import { useAdjustedCompletionQuery, useAdjustedDropoutQuery } from './useAdjustedComparisonQuery';

const HAZARD_COLUMNS = estimateColumns('Hazard ratio');
const ODDS_COLUMNS = estimateColumns('Odds ratio');
const groupTypeCode = (row: { key: string }) => row.key.split(':')[1] ?? null;

/**
 * Group types compared after adjusting for case mix (METRICS.md, "Adjusted comparisons"): the Cox
 * model's hazard ratios as a forest plot, the adjusted curves beside the unadjusted ones, the
 * proportional-hazards check, and the completion odds ratios; each with its table and CSV.
 */
export function AdjustedComparisonSection({ filter }: { filter: MetricsFilterVariables | null }) {
  const [reference, setReference] = useState<GroupType | null>(null);
  const dropoutQuery = useAdjustedDropoutQuery(filter, reference);
  const completionQuery = useAdjustedCompletionQuery(filter, reference);
  const answer = dropoutQuery.data;
  const model = answer?.dropout ?? null;
  const referenceType = answer?.referenceGroupType ?? null;
  const hazardRows = useMemo(
    () => (model ? toGroupTypeRows(model.groupTypes, referenceType) : []),
    [model, referenceType],
  );
  const covariateRows = useMemo(() => (model ? toCovariateRows(model.covariates) : []), [model]);
  const curveRows = useMemo(() => (model ? toCurveRows(model) : []), [model]);
  const trendRows = useMemo(() => (model ? toTrendRows(model) : []), [model]);
  const tests = useMemo(() => (model ? toTestRows(model) : { ph: [], model: [] }), [model]);
  const completion = completionQuery.data?.completion ?? null;
  const oddsRows = useMemo(
    () =>
      completion?.fitted
        ? toGroupTypeRows(completion.groupTypes, completionQuery.data?.referenceGroupType ?? null)
        : [],
    [completion, completionQuery.data],
  );
  const status = { ...dropoutQuery, isPending: dropoutQuery.isPending || filter === null };
  const completionStatus = { ...completionQuery, isPending: completionQuery.isPending || filter === null };
  const n = model ? { value: model.episodes, unit: `episodes modelled (${answer!.leftOut} left out)` } : null;

  return (
    <section className="adjusted-comparison" aria-labelledby="adjusted-heading" data-testid="adjusted-comparison">
      <h2 id="adjusted-heading">Adjusted comparison</h2>
      <div className="plain-words" data-testid="adjustment-reading">
        <p>
          Group types serve different people. These models compare them as if each had served the program’s whole case
          mix: age band, gender, primary substance, co-occurring disorder, baseline days used and site.
        </p>
        <p>
          Adjustment can only account for what is recorded. It cannot rule out differences in things not measured
          (motivation, housing, referral source, severity beyond these fields), and it does not show that a group type{' '}
          <em>causes</em> better retention. Episodes without a baseline or a primary group type are left out.
        </p>
      </div>
      <label className="chart-option">
        Compare against{' '}
        <select
          value={reference ?? ''}
          onChange={(e) => setReference(isGroupType(e.target.value) ? e.target.value : null)}
          aria-label="Reference group type"
        >
          <option value="">the group type with the most episodes</option>
          {GROUP_TYPES.map((t) => (
            <option key={t} value={t}>
              {GROUP_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>

      <ChartFrame
        headingLevel={3}
        title="Adjusted hazard of dropout by group type"
        figures="adjustedHazard"
        description="Cox model: how fast episodes drop out in each group type relative to the reference, for comparable episodes. Below 1: fewer dropouts."
        status={status}
        rows={[...hazardRows, ...covariateRows]}
        columns={HAZARD_COLUMNS}
        n={n}
        scope={answer?.scope}
        emptyMessage={answer?.notes[0] ?? 'At least two group types with dropouts are needed.'}
      >
        <ForestPlot rows={hazardRows} axisLabel="Hazard ratio of dropout" groupTypeOf={groupTypeCode} />
        <p className="plain-words" data-testid="adjusted-reading">
          {describeHazards(hazardRows, referenceType)}
        </p>
        {model && (
          <p className="chart-frame__description">
            {model.events} dropouts among {model.episodes} episodes; concordance {formatDecimal(model.concordance, 2)}{' '}
            (0.5: no better than chance).
          </p>
        )}
        {model && model.notes.length > 0 && (
          <ul className="plain-words">
            {model.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </ChartFrame>

      <ChartFrame
        headingLevel={3}
        title="Adjusted retention curves"
        figures="adjustedRetention"
        description="Each group type’s curve if it had served the whole modelled case mix (thick), beside its own unadjusted Kaplan–Meier curve (thin)."
        status={status}
        rows={curveRows}
        columns={CURVE_COLUMNS}
        n={n}
        scope={answer?.scope}
        emptyMessage={answer?.notes[0] ?? 'At least two group types with dropouts are needed.'}
      >
        {model && <AdjustedCurvesChart model={model} />}
      </ChartFrame>

      <ChartFrame
        headingLevel={3}
        title="Is a single hazard ratio fair? (proportional hazards)"
        figures="proportionalHazards"
        description="Tests whether each term’s effect changes over follow-up (R’s cox.zph), and the model’s own tests."
        status={status}
        rows={[...tests.ph, ...tests.model]}
        columns={TEST_COLUMNS}
        scope={answer?.scope}
        emptyMessage={answer?.notes[0] ?? 'No model.'}
      >
        <p className="plain-words" data-testid="ph-check">
          {model?.proportionalHazardsWarning ??
            'No term’s effect changes clearly over follow-up (every p ≥ 0.05): a single hazard ratio per group type is a fair summary.'}
        </p>
        <DataTable caption="Proportional-hazards check (per term and global)" rows={tests.ph} columns={TEST_COLUMNS} />
        <DataTable caption="Model tests" rows={tests.model} columns={TEST_COLUMNS} />
      </ChartFrame>

      <ChartFrame
        headingLevel={3}
        title="Effects over follow-up (scaled Schoenfeld residuals)"
        figures="schoenfeld"
        description="Each term’s effect along follow-up (x: the share of episodes dropped out so far, as cox.zph plots it), averaged over about ten stretches with equal numbers of dropouts. Near the dashed line throughout: the effect is constant, and one hazard ratio describes it."
        status={status}
        rows={trendRows}
        columns={TREND_COLUMNS}
        scope={answer?.scope}
        emptyMessage={answer?.notes[0] ?? 'No model.'}
      >
        {model && <ResidualTrendCharts model={model} />}
      </ChartFrame>

      <ChartFrame
        headingLevel={3}
        title="Adjusted odds of completing by group type"
        figures="adjustedCompletion"
        description="Logistic model among discharged episodes: odds of completing in each group type relative to the reference, for comparable episodes. Above 1: more completions."
        status={completionStatus}
        rows={oddsRows}
        columns={ODDS_COLUMNS}
        n={completion ? { value: completion.episodes, unit: 'discharged episodes modelled' } : null}
        scope={completionQuery.data?.scope}
        emptyMessage={completion?.message ?? completionQuery.data?.notes[0] ?? 'No model.'}
      >
        <ForestPlot rows={oddsRows} axisLabel="Odds ratio of completing" groupTypeOf={groupTypeCode} />
      </ChartFrame>
    </section>
  );
}

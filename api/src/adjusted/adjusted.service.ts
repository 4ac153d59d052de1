import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { metricsReader, resolveEpisodeScope } from '../episodes';
import { GroupType, MetricsFilter } from '../filters';
import {
  adjustedCurves,
  coxZph,
  fitCox,
  fitLogistic,
  emptyPatternTable,
  kaplanMeier,
  residualTrend,
  scaledSchoenfeldResiduals,
  type BinomialPattern,
  type Coefficient,
  type CoxCoefficient,
  type SurvivalObservation,
} from '../stats';
import {
  AdjustedComparison,
  AdjustedCurveSeries,
  AdjustedOutcome,
  CompletionModel,
  DropoutModel,
  ModelEstimate,
} from './adjusted.model';
import { readAdjustedPatterns } from '@iop/metrics';
import {
  buildDesign,
  countOf,
  COVARIATE,
  GROUP_TERM,
  isModelled,
  OUTCOME_COLUMN,
  type Design,
  type PatternRow,
} from './covariate-design';

/** METRICS.md gives no threshold; 0.05 is cox.zph's customary reading. */
const PH_WARNING_P = 0.05;

@Injectable()
export class AdjustedComparisonService {
  constructor(private readonly dataSource: DataSource) {}

  async adjustedComparison(
    filter: MetricsFilter | null | undefined,
    referenceGroupType: GroupType | null | undefined,
    outcome: AdjustedOutcome,
  ): Promise<AdjustedComparison> {
    // How the models fit aggregated patterns, not one row per episode: the SQL counts episodes per
    // covariate pattern (group type, age band, gender, substance, co-occurring, site, baseline days
    // used 0–30) × what the outcome needs, with n the number of episodes in each cell, from the
    // per-episode covariate table the load fills (derived.episode_covariate). The Cox model reads
    // (pattern, t, dropout, n) into a table of typed arrays (no object per cell): a cell is n
    // episodes in the risk set until t (n·exp(x·β) in the sums) and, when it is a dropout, n tied
    // events (Efron's n steps); each Newton iteration is one pass over the cells sorted by time,
    // whose sums visit only a cell's non-zero covariates (cox-risk-sets.ts). Concordance, cox.zph
    // and the curves reuse that table (the curves: the mean of S₀(t)^r over the distinct relative
    // risks r with their counts, exponential-mixture.ts). The logistic model reads (pattern,
    // completed of discharged): successes of trials per pattern, grouped in SQL. At 100,000
    // participants most dropout cells still hold one episode (baseline days × the factors × time
    // make about 108,000 cells of 109,144 episodes); completion about 45,000 patterns of its
    // 87,040 discharged episodes.
    const { scope, params } = await resolveEpisodeScope(this.dataSource, filter);
    const { run, stamp } = await metricsReader(this.dataSource);
    const rows = await readAdjustedPatterns<PatternRow>(run, stamp, params, outcome);
    const modelled = rows.filter(isModelled);
    let episodes = 0;
    for (const row of rows) episodes += countOf(row);
    let modelledEpisodes = 0;
    for (const row of modelled) modelledEpisodes += countOf(row);
    const answer: AdjustedComparison = {
      scope: { from: scope.from, to: scope.to, asOf: scope.asOf },
      outcome,
      referenceGroupType: null,
      episodes,
      leftOut: episodes - modelledEpisodes,
      dropout: null,
      completion: null,
      notes: [],
    };
    const groupTypes = new Set(modelled.map((row) => row[COVARIATE.groupType]));
    if (groupTypes.size < 2) {
      answer.notes.push('Fewer than two group types have modelled episodes: there is nothing to compare.');
      return answer;
    }
    const design = buildDesign(modelled, referenceGroupType ?? null);
    answer.referenceGroupType = design.referenceGroupType;
    try {
      if (outcome === AdjustedOutcome.dropout) {
        answer.dropout = dropoutModel(modelled, design);
        if (answer.dropout === null) answer.notes.push('No dropouts among the modelled episodes: no hazard ratios.');
      } else {
        answer.completion = completionModel(modelled, design);
      }
    } catch (error) {
      // A numerically singular fit (e.g. terms that together pin the outcome down) is a property of
      // these data, not a server fault: say so, and give no numbers.
      if (!(error instanceof RangeError)) throw error;
      answer.notes.push(
        `The model could not be fitted on these episodes (${error.message}). Widen the period or the filters.`,
      );
    }
    return answer;
  }
}

function estimate(coefficient: Coefficient | CoxCoefficient, level: string): ModelEstimate {
  const notEstimable = 'mayBeInfinite' in coefficient && coefficient.mayBeInfinite;
  const numbers = notEstimable
    ? { estimate: null, se: null, ratio: null, lower: null, upper: null, z: null, pValue: null }
    : {
        estimate: coefficient.estimate,
        se: coefficient.se,
        ratio: coefficient.ratio,
        lower: coefficient.lower,
        upper: coefficient.upper,
        z: coefficient.z,
        pValue: coefficient.pValue,
      };
  return { term: coefficient.term, level, aliased: coefficient.aliased, notEstimable, ...numbers };
}

/** Group-type rows (by group type name) and covariate rows (by "term: level"). */
function splitEstimates(coefficients: readonly (Coefficient | CoxCoefficient)[]) {
  const prefix = `${GROUP_TERM}: `;
  return {
    groupTypes: coefficients
      .filter((c) => c.term === GROUP_TERM)
      .map((c) => estimate(c, c.column.slice(prefix.length))),
    covariates: coefficients
      .filter((c) => c.term !== GROUP_TERM && c.term !== '(Intercept)')
      .map((c) => estimate(c, c.column)),
  };
}

/** Dropout rows: the covariates, then t, dropout, n (adjusted.sql.ts). */
const T = OUTCOME_COLUMN;
const EVENT = OUTCOME_COLUMN + 1;

function dropoutModel(rows: readonly PatternRow[], design: Design): DropoutModel | null {
  // Latest time first (the risk-set order), censored before dropouts, then by covariates.
  const latestFirst = Float64Array.from(rows, (row) => -(row[T] as number));
  const dropout = Uint8Array.from(rows, (row) => (row[EVENT] ? 1 : 0));
  const { count } = design;
  const order = design.order([latestFirst, dropout]);
  const patterns = emptyPatternTable(rows.length, design.width);
  order.forEach((i, r) => {
    patterns.time[r] = -latestFirst[i];
    patterns.event[r] = dropout[i];
    patterns.count[r] = count[i];
    design.fill(i, patterns.x, r * design.width);
  });
  const fit = fitCox({ terms: design.terms, patterns });
  if (fit === null) return null;
  const zph = coxZph(fit.model);
  // The residuals' terms are the tested terms, in the same order (terms with a fitted column).
  const residuals = scaledSchoenfeldResiduals(fit.model);
  const proportionalHazards = zph
    ? [
        ...zph.terms.map((test, t) => ({
          ...test,
          constantLevel: constantLevel(fit.coefficients, test.term),
          trend: residualTrend(residuals.points, t),
        })),
        { ...zph.global, constantLevel: null, trend: [] },
      ]
    : [];
  const failing = proportionalHazards.filter((test) => test.pValue < PH_WARNING_P);
  const adjusted = adjustedCurves(fit.model, GROUP_TERM, design.groupLevels);
  const byGroup = new Map(design.groupLevels.map(({ group }) => [group, [] as SurvivalObservation[]]));
  rows.forEach((row, i) =>
    byGroup.get(design.groupOf(i))!.push({ time: row[T] as number, event: row[EVENT] as boolean, count: count[i] }),
  );
  const curves: AdjustedCurveSeries[] = adjusted.map(({ group, points }) => ({
    groupType: group,
    adjusted: points.map((p) => ({ days: p.time, survival: p.survival })),
    unadjusted: kaplanMeier(byGroup.get(group)!).map((p) => ({ days: p.time, survival: p.survival })),
  }));
  return {
    ...splitEstimates(fit.coefficients),
    episodes: fit.n,
    events: fit.events,
    likelihoodRatio: fit.likelihoodRatio,
    wald: fit.wald,
    score: fit.score,
    concordance: fit.concordance,
    proportionalHazards,
    proportionalHazardsWarning:
      failing.length === 0
        ? null
        : `The hazard ratios of ${failing.map((t) => (t.term === 'GLOBAL' ? 'the model as a whole' : t.term)).join(', ')} change over time ` +
          `(proportional-hazards test p < ${PH_WARNING_P}): each hazard ratio is an average over the follow-up, and may hide ` +
          'a difference early on that fades later, or the reverse. Read the adjusted curves rather than the single ratio.',
    curves,
    notes: fit.notes,
  };
}

/** β of a one-column term; 1 for a factor, whose residuals are centred at 1 (see scaledSchoenfeldResiduals). */
function constantLevel(coefficients: readonly CoxCoefficient[], term: string): number {
  const fitted = coefficients.filter((c) => c.term === term && !c.aliased);
  return fitted.length === 1 ? fitted[0].estimate! : 1;
}

/** Completion rows: the covariates, then discharged (trials), completed (successes), n (adjusted.sql.ts). */
const TRIALS = OUTCOME_COLUMN;
const SUCCESSES = OUTCOME_COLUMN + 1;

function completionModel(rows: readonly PatternRow[], design: Design): CompletionModel {
  const patterns: BinomialPattern[] = [];
  for (const i of design.order([])) {
    const trials = rows[i][TRIALS] as number;
    if (trials > 0) patterns.push({ successes: rows[i][SUCCESSES] as number, trials, x: design.x(i) });
  }
  const result = fitLogistic({ terms: design.terms, patterns });
  if (!result.fitted) {
    return {
      fitted: false,
      message: result.message,
      episodes: result.n,
      completed: result.successes,
      groupTypes: [],
      covariates: [],
      notes: [],
    };
  }
  return {
    fitted: true,
    message: null,
    episodes: result.n,
    completed: result.successes,
    ...splitEstimates(result.coefficients),
    notes: result.notes,
  };
}

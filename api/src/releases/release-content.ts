import type { ExactPeriod } from '../outcome-report/outcome-report.service';
import { EPISODE_COHORT } from '../outcome-report/outcome-report.service';
import { OUTCOME_MEASURES, OutcomeMeasure } from '../outcome-report/outcome-measures';
import {
  COUNT_ROUNDING_BASE,
  CurvePoint,
  ProtectedFigure,
  protectCurve,
  protectFigures,
  ProtectionRules,
} from '../privacy/disclosure-control';
import { CalendarPeriod, periodName } from './release-period';

/**
 * The method a release was protected with: stored with each release, so that a later change of
 * the rule never makes an old release read as if made under the new one.
 */
export const RELEASE_METHOD_VERSION = 'outcome-release/1 (suppress 1 to threshold-1, round counts to 5)';

export interface ReleaseFigure extends ProtectedFigure {
  label: string;
}

export interface ReleaseCurve {
  groupType: string | null;
  points: CurvePoint[];
}

/** What a funder holds of one release: protected figures only. Stored as the release's content. */
export interface ReleaseContent {
  period: CalendarPeriod & { name: string };
  previousPeriod: CalendarPeriod & { name: string };
  /** The published release whose figures are the previous-period column; null when there is none. */
  previousRelease: { releaseId: number; version: number } | null;
  siteIds: string[] | null;
  asOf: string;
  dataLoadedAt: string | null;
  threshold: number;
  roundingBase: number;
  figures: ReleaseFigure[];
  survivalCurves: ReleaseCurve[];
  logRank: { chiSquare: number; df: number; pValue: number } | null;
}

export interface ReleaseInputs {
  period: CalendarPeriod;
  previousPeriod: CalendarPeriod;
  previous: { releaseId: number; version: number; content: ReleaseContent } | null;
  siteIds: string[] | null;
  asOf: string;
  dataLoadedAt: string | null;
  exact: ExactPeriod;
  rules: ProtectionRules;
}

/**
 * A release's content from the period's exact figures. The previous-period column is the previous
 * release's published current figures, as published: a funder can hold nothing about the previous
 * period that the previous release did not already give.
 */
export function buildReleaseContent(inputs: ReleaseInputs): ReleaseContent {
  const { exact, rules } = inputs;
  const current = protectFigures(exact.figures, rules, EPISODE_COHORT).map(labelled);
  const hiddenCohorts = new Set(
    current.filter((f) => f.measure === EPISODE_COHORT.measure && f.suppressed).map((f) => f.groupType),
  );
  const previous = (inputs.previous?.content.figures ?? [])
    .filter((f) => f.period === 'current')
    .map((f): ReleaseFigure => ({ ...f, period: 'previous' }));
  return {
    period: { ...inputs.period, name: periodName(inputs.period) },
    previousPeriod: { ...inputs.previousPeriod, name: periodName(inputs.previousPeriod) },
    previousRelease: inputs.previous && { releaseId: inputs.previous.releaseId, version: inputs.previous.version },
    siteIds: inputs.siteIds,
    asOf: inputs.asOf,
    dataLoadedAt: inputs.dataLoadedAt,
    threshold: rules.threshold,
    roundingBase: rules.coarsen === false ? 1 : COUNT_ROUNDING_BASE,
    figures: [...current, ...previous],
    survivalCurves: exact.survivalCurves.map((c) => ({
      groupType: c.groupType,
      // A curve's steps would give away a cohort whose size is hidden.
      points: hiddenCohorts.has(c.groupType) ? [] : protectCurve(c.points, rules),
    })),
    logRank: exact.logRank && {
      chiSquare: Math.round(exact.logRank.chiSquare * 10) / 10,
      df: exact.logRank.df,
      pValue: Number(exact.logRank.pValue.toPrecision(2)),
    },
  };
}

const labelled = (f: ProtectedFigure): ReleaseFigure => ({
  ...f,
  label: OUTCOME_MEASURES[f.measure as OutcomeMeasure].label,
});

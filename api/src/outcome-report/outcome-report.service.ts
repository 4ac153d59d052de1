import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@iop/db';
import { AttendanceService } from '../attendance/attendance.service';
import { IntensityService } from '../attendance/intensity.service';
import { comparisonWindow } from '@iop/metrics';
import { addDays } from '../episodes';
import { SessionFeedbackService } from '../feedback/session-feedback.service';
import { MetricsFilter, resolveScope } from '../filters';
import type { ProgramOverview } from '../overview/overview.model';
import { OverviewService } from '../overview/overview.service';
import { RawFigure, suppressFigures } from '../privacy/suppression';
import { RetentionService } from '../retention/retention.service';
import { SobrietyService } from '../sobriety/sobriety.service';
import { OverviewSide, outcomeFigures, PeriodReports } from './outcome-figures';
import { OUTCOME_MEASURES, OutcomeMeasure } from './outcome-measures';
import { OutcomeFigure, OutcomeLogRank, OutcomeReport, OutcomeSurvivalPoint } from './outcome-report.model';
import type { GroupType } from '../filters';

export interface ExactPeriod {
  figures: RawFigure[];
  survivalCurves: { groupType: string | null; points: OutcomeSurvivalPoint[] }[];
  logRank: OutcomeLogRank | null;
}

/** Episode figures by group type are about the people counted in `episodes`: hidden together. */
export const EPISODE_COHORT = { measure: 'episodes', sections: ['retention', 'sobriety'] };

const currentSide = (overview: ProgramOverview): OverviewSide => ({ overview, side: 'current' });

/**
 * What a report costs in the per-request budget (graphql/query-cost.ts): six reports for each of
 * two periods (eleven statements, the overview shared) and the last load. A release draft runs
 * one period and reads its previous release: no more.
 */
export const OUTCOME_REPORT_COST = 12;

/** Without dates, the report covers the 90 days up to as_of. */
const DEFAULT_PERIOD_DAYS = 90;

@Injectable()
export class OutcomeReportService {
  private readonly threshold = loadConfig().suppressionThreshold;

  constructor(
    private readonly dataSource: DataSource,
    private readonly overview: OverviewService,
    private readonly retention: RetentionService,
    private readonly attendance: AttendanceService,
    private readonly intensity: IntensityService,
    private readonly sobriety: SobrietyService,
    private readonly feedback: SessionFeedbackService,
  ) {}

  async report(filter: MetricsFilter | null | undefined): Promise<OutcomeReport> {
    const scope = await resolveScope(this.dataSource, filter);
    const to = filter?.to ? scope.to : scope.asOf;
    const from = filter?.from ? scope.from : addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
    // Without a `to` the report ends at as_of: a later `from` leaves it no day to report on.
    if (from > to)
      throw new BadRequestException(
        `Invalid filter: from (${from}) is after the data's as-of date (${to}), so the report would cover no day; give an earlier from, or a to`,
      );
    const window = comparisonWindow(from, to, filter?.comparison ?? undefined);
    const { from: previousFrom, to: previousTo } = window;
    const comparisonKind = filter?.comparison;
    const base = {
      siteIds: scope.siteIds,
      groupTypes: filter?.groupTypes,
      asOf: scope.asOf,
      comparison: comparisonKind,
    };
    const previousFilter = { ...base, from: previousFrom, to: previousTo };
    const currentOverview = this.overview.overview({ ...base, from, to });
    // The current period's overview holds the previous period's figures too, unless it capped `to`.
    const previousOverview: Promise<OverviewSide> =
      to <= scope.asOf
        ? currentOverview.then((overview) => ({ overview, side: 'previous' }))
        : this.overview.overview(previousFilter).then(currentSide);
    const [current, previous] = await Promise.all([
      this.periodReports({ ...base, from, to }, currentOverview.then(currentSide)),
      this.periodReports(previousFilter, previousOverview),
    ]);
    const raw = [...outcomeFigures('current', current), ...outcomeFigures('previous', previous)];
    const figures: OutcomeFigure[] = suppressFigures(raw, this.threshold, EPISODE_COHORT).map((f) => ({
      ...f,
      groupType: f.groupType as GroupType | null,
      label: OUTCOME_MEASURES[f.measure as OutcomeMeasure].label,
    }));
    const hiddenCohorts = new Set(
      figures.filter((f) => f.measure === 'episodes' && f.period === 'current' && f.suppressed).map((f) => f.groupType),
    );
    const comparison = current.retention.comparison;
    const freshness: { at: Date | null }[] = await this.dataSource.query(
      `SELECT max(finished_at) AS at FROM etl_load WHERE status IN ('succeeded', 'partial')`,
    );
    return {
      periods: { from, to, previousFrom, previousTo, asOf: scope.asOf, comparison: window.description },
      siteIds: scope.siteIds,
      suppressionThreshold: this.threshold,
      figures,
      survivalCurves: [current.retention.total, ...current.retention.byGroupType].map((f) => ({
        groupType: f.groupType,
        // A curve's steps and at-risk counts would give away a cohort whose size is hidden.
        points: hiddenCohorts.has(f.groupType)
          ? []
          : f.curve
              .filter((p) => p.atRisk >= this.threshold)
              .map(({ days, atRisk, survival, lower, upper }) => ({ days, atRisk, survival, lower, upper })),
      })),
      logRank: comparison && { chiSquare: comparison.chiSquare, df: comparison.df, pValue: comparison.pValue },
      lastSuccessfulLoadAt: freshness[0]?.at ?? null,
    };
  }

  /**
   * One period's figures before any protection, with its curves and log-rank test: what a release
   * is made from (the release protects them, and takes its previous period from the previous
   * release, not from a query).
   */
  async exactPeriod(filter: {
    from: string;
    to: string;
    siteIds: string[] | null;
    asOf: string;
  }): Promise<ExactPeriod> {
    const reports = await this.periodReports(filter, this.overview.overview(filter).then(currentSide));
    const comparison = reports.retention.comparison;
    return {
      figures: outcomeFigures('current', reports),
      survivalCurves: [reports.retention.total, ...reports.retention.byGroupType].map((f) => ({
        groupType: f.groupType,
        points: f.curve.map(({ days, atRisk, survival, lower, upper }) => ({ days, atRisk, survival, lower, upper })),
      })),
      logRank: comparison && { chiSquare: comparison.chiSquare, df: comparison.df, pValue: comparison.pValue },
    };
  }

  private async periodReports(filter: MetricsFilter, overviewSide: Promise<OverviewSide>): Promise<PeriodReports> {
    const [overview, retention, attendance, intensity, sobriety, feedback] = await Promise.all([
      overviewSide,
      this.retention.retention(filter),
      this.attendance.attendance(filter, { byGroup: false }),
      this.intensity.intensity(filter),
      this.sobriety.sobriety(filter, { cravingTrend: false }),
      this.feedback.feedback(filter),
    ]);
    return { overview, retention, attendance, intensity, sobriety, feedback };
  }
}

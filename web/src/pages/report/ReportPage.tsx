import { useMemo } from 'react';
import { isForbidden } from '../../api/api-error';
import { ForbiddenState } from '../../app/ForbiddenState';
import { formatDate, formatDateTime, formatPeriod } from '../../charts/format';
import { useSiteNames } from '../../sites/useSiteNames';
import { useComparison } from '../../filters/useComparison';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { ReportDownloads } from './ReportDownloads';
import { ReportKmChart } from './ReportKmChart';
import { ReportMethods } from './ReportMethods';
import { describeReportLogRank, toReportFilter, toReportKmSeries, toReportSections } from './report-shape';
import { ReportSectionView } from './ReportTables';
import { useOutcomeReportQuery } from './useOutcomeReportQuery';
import './report.css';

/**
 * The funder outcome report: this period against the previous one of equal length, small cells
 * suppressed by the API whoever reads it, with the same report as PDF and CSV, and printable.
 */
export default function ReportPage() {
  const siteNames = useSiteNames();
  const metricsFilter = useMetricsFilter();
  const comparison = useComparison();
  const filter = useMemo(() => toReportFilter(metricsFilter, comparison), [metricsFilter, comparison]);
  const query = useOutcomeReportQuery(filter);
  const report = query.data;
  const sections = useMemo(() => (report ? toReportSections(report.figures) : []), [report]);
  const km = useMemo(() => (report ? toReportKmSeries(report) : null), [report]);

  if (query.error && isForbidden(query.error)) return <ForbiddenState what="the outcome report" />;
  if (query.error)
    return (
      <div role="alert" className="card">
        <p>Could not load the outcome report: {query.error.message}</p>
        <button type="button" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  if (!report || !filter) return <div className="skeleton" role="status" aria-label="Loading the outcome report" />;

  const t = report.suppressionThreshold;
  const p = report.periods;
  return (
    <div className="report-page" data-testid="outcome-report">
      <section className="card report-summary" aria-label="What this report covers">
        <dl>
          <dt>This period</dt>
          <dd>{formatPeriod(p.from, p.to)}</dd>
          <dt>Compared with</dt>
          <dd>
            {formatPeriod(p.previousFrom, p.previousTo)} ({p.comparison ?? 'the same number of days just before'})
          </dd>
          <dt>Sites</dt>
          <dd>{siteNames(report.siteIds)}</dd>
          <dt>As of</dt>
          <dd>{formatDate(p.asOf)}</dd>
          <dt>Data loaded</dt>
          <dd>{report.lastSuccessfulLoadAt ? formatDateTime(report.lastSuccessfulLoadAt) : 'no load recorded'}</dd>
        </dl>
        <p className="plain-words">
          The report covers every group type. Figures from 1 to {t - 1} people, and rates built on them, read
          “suppressed” so that no participant can be identified.
        </p>
        <ReportDownloads filter={filter} />
      </section>

      {sections.map((s) => (
        <ReportSectionView key={s.id} section={s} />
      ))}

      <section className="card report-section" aria-labelledby="report-km">
        <h2 id="report-km">Retention by group type</h2>
        {km && km.series.length > 0 ? (
          <ReportKmChart series={km.series} />
        ) : (
          <p>No curve can be drawn: no point of any curve has {t} or more episodes at risk.</p>
        )}
        <p className="plain-words" data-testid="report-log-rank">
          {describeReportLogRank(report.logRank)}
        </p>
        <p className="report-footnote">
          Curves are drawn only where at least {t} episodes were still at risk, and stop there.
          {km?.hidden.length ? ` Not drawn, to protect small groups: ${km.hidden.join(', ')}.` : ''}
        </p>
      </section>

      <ReportMethods />

      <footer className="report-footnote" data-testid="report-footnote">
        <p>
          <strong>suppressed</strong>: hidden to protect small groups (42 CFR Part 2). Counts from 1 to {t - 1} are not
          shown (zero is), nor any rate or mean built on them; where a breakdown by group type would otherwise leave one
          hidden cell beside a shown total, the next smallest is hidden too, so no figure can be worked out by
          subtraction. <strong>—</strong>: cannot be computed (no one in it). <strong>pts</strong>: percentage points.
          Change = this period minus the previous period. Definitions are under Methods above and on the Methods page of
          the PDF.
        </p>
      </footer>
    </div>
  );
}

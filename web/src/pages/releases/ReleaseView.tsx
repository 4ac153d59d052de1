import { useMemo, useState } from 'react';
import { TableScroll } from '../../charts/TableScroll';
import { useRole } from '../../auth/useSession';
import { formatDate } from '../../charts/format';
import { useSiteNames } from '../../sites/useSiteNames';
import { Link } from '../../routing/Link';
import { navigate } from '../../routing/useRoute';
import { FileDownloads } from '../report/FileDownloads';
import { ReportKmChart } from '../report/ReportKmChart';
import { describeReportLogRank, groupTypeLabel, toReportKmSeries, toReportSections } from '../report/report-shape';
import { ReportSectionView } from '../report/ReportTables';
import { useReleaseActions, useReleaseQuery } from './useReleases';

const HIDDEN_BECAUSE: Record<string, string> = {
  small: 'fewer than the threshold, or built on such a count',
  complement: 'hidden beside a small cell, so that it cannot be worked out by subtraction',
  cohort: "its group type's episode count is hidden",
};

const FORMATS = ['pdf', 'csv', 'json'] as const;

/** One release: its figures as the funder holds them, its files, and for a draft the review. */
export function ReleaseView({ releaseId }: { releaseId: number }) {
  const siteNames = useSiteNames();
  const role = useRole();
  const query = useReleaseQuery(releaseId);
  const release = query.data;
  const sections = useMemo(() => (release ? toReportSections(release.figures) : []), [release]);
  const km = useMemo(() => (release ? toReportKmSeries(release) : null), [release]);
  if (query.error)
    return (
      <div role="alert" className="card">
        <p>
          Could not load release {releaseId}: {query.error.message}
        </p>
        <Link href="/releases">All releases</Link>
      </div>
    );
  if (!release) return <div className="skeleton" role="status" aria-label="Loading the release" />;
  const title = `${release.period.name}${release.version ? `, version ${release.version}` : ' (draft)'}`;
  return (
    <div className="report-page" data-testid="release">
      <section className="card report-summary" aria-label="What this release covers">
        <h2>Release {title}</h2>
        <dl>
          <dt>Period</dt>
          <dd>
            {formatDate(release.period.from)} – {formatDate(release.period.to)}
          </dd>
          <dt>Compared with</dt>
          <dd>
            {release.previousReleaseId
              ? `the published release of ${release.previousPeriod.name}`
              : `no release of ${release.previousPeriod.name} was published`}
          </dd>
          <dt>Sites</dt>
          <dd>{siteNames(release.siteIds)}</dd>
          <dt>As of</dt>
          <dd>{formatDate(release.asOf)}</dd>
          <dt>Status</dt>
          <dd>
            {release.publishedAt ? `Published ${formatDate(release.publishedAt.slice(0, 10))}` : 'Draft, not published'}
          </dd>
          <dt>Data version</dt>
          <dd>{release.dataVersion}</dd>
          {release.changeNote && (
            <>
              <dt>Changes</dt>
              <dd>{release.changeNote}</dd>
            </>
          )}
        </dl>
        <p className="plain-words" data-testid="release-rule">
          {release.protectionRule}
        </p>
        <ReleaseFiles releaseId={release.releaseId} />
        <p>
          <Link href="/releases">All releases</Link>
        </p>
      </section>

      {role !== 'funder' && release.status === 'draft' && <DraftReview release={release} />}

      {sections.map((s) => (
        <ReportSectionView key={s.id} section={s} />
      ))}

      <section className="card report-section" aria-labelledby="release-km">
        <h2 id="release-km">Retention by group type</h2>
        {km && km.series.length > 0 ? (
          <ReportKmChart series={km.series} />
        ) : (
          <p>No curve can be drawn: no point of any curve has {release.threshold} or more episodes at risk.</p>
        )}
        <p className="plain-words">{describeReportLogRank(release.logRank)}</p>
      </section>
    </div>
  );
}

function ReleaseFiles({ releaseId }: { releaseId: number }) {
  const files = FORMATS.map((format) => ({
    format,
    label: `Download ${format.toUpperCase()}`,
    path: `/api/releases/${releaseId}/release.${format}`,
    fileName: `release.${format}`,
    testId: `release-download-${format}`,
  }));
  return <FileDownloads files={files} what="release" />;
}

type Draft = NonNullable<ReturnType<typeof useReleaseQuery>['data']>;

/** What publishing will hide and why, beside the exact figures only the reviewer sees. */
function DraftReview({ release }: { release: Draft }) {
  const { publish, discard } = useReleaseActions();
  const [note, setNote] = useState('');
  const hidden = release.figures.filter((f) => f.period === 'current' && f.suppressed);
  const exact = (measure: string, groupType: string | null) =>
    release.exactFigures?.find((e) => e.measure === measure && e.groupType === groupType);
  return (
    <section className="card report-section" aria-labelledby="draft-review" data-testid="draft-review">
      <h2 id="draft-review">Before you publish: {hidden.length} figures will be hidden</h2>
      <div className="report-table">
        <TableScroll label="Table: the figures this draft hides">
          <table>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Group type</th>
                <th scope="col">Exact n (not released)</th>
                <th scope="col">Why hidden</th>
              </tr>
            </thead>
            <tbody>
              {hidden.map((f) => (
                <tr key={`${f.measure}-${f.groupType}`} data-testid="hidden-figure">
                  <td>{f.label}</td>
                  <td>{groupTypeLabel(f.groupType)}</td>
                  <td>{exact(f.measure, f.groupType)?.n ?? '—'}</td>
                  <td>{HIDDEN_BECAUSE[f.hiddenBecause ?? ''] ?? f.hiddenBecause}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <form
        className="release-form"
        onSubmit={(e) => {
          e.preventDefault();
          publish.mutate({ releaseId: release.releaseId, note: note.trim() || null });
        }}
      >
        <label>
          Note (what a correction changes)
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </label>
        <button type="submit" disabled={publish.isPending} data-testid="publish-release">
          {publish.isPending ? 'Publishing…' : 'Publish'}
        </button>
        <button
          type="button"
          disabled={discard.isPending}
          onClick={() => discard.mutate(release.releaseId, { onSuccess: () => navigate('/releases') })}
        >
          Discard draft
        </button>
      </form>
      {(publish.error ?? discard.error) && (
        <p role="alert" className="report-downloads__error">
          {(publish.error ?? discard.error)!.message}
        </p>
      )}
    </section>
  );
}

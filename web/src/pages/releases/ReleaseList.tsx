import { Link } from '../../routing/Link';
import { TableScroll } from '../../charts/TableScroll';
import { formatDate } from '../../charts/format';
import { useSiteNames } from '../../sites/useSiteNames';
import { useReleasesQuery } from './useReleases';

/** Every release the reader may see, newest period first. */
export function ReleaseList() {
  const sitesLabel = useSiteNames();
  const query = useReleasesQuery();
  if (query.error)
    return (
      <div role="alert" className="card">
        <p>Could not load the releases: {query.error.message}</p>
        <button type="button" onClick={() => void query.refetch()}>
          Retry
        </button>
      </div>
    );
  if (!query.data) return <div className="skeleton" role="status" aria-label="Loading the releases" />;
  return (
    <section className="card report-section" aria-labelledby="release-list">
      <h2 id="release-list">Releases</h2>
      {query.data.length === 0 ? (
        <p data-testid="releases-empty">No release has been published for you yet.</p>
      ) : (
        <div className="report-table">
          <TableScroll label="Table: releases">
            <table>
              <caption>Releases, newest period first</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Sites</th>
                  <th scope="col">Status</th>
                  <th scope="col">Published</th>
                </tr>
              </thead>
              <tbody>
                {query.data.map((r) => (
                  <tr key={r.releaseId} data-testid="release-row">
                    <td>
                      <Link href={`/releases?id=${r.releaseId}`}>{r.period.name}</Link>
                    </td>
                    <td>{sitesLabel(r.siteIds)}</td>
                    <td>{r.status === 'draft' ? 'Draft' : `Version ${r.version}`}</td>
                    <td>{r.publishedAt ? formatDate(r.publishedAt.slice(0, 10)) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </section>
  );
}

import { useId, useMemo } from 'react';
import { toCsv } from '../../charts/csv';
import { csvFileName, downloadText } from '../../charts/download';
import { formatCount, formatDate } from '../../charts/format';
import { usePageCsv } from '../../page-tools/page-csv';
import { Link } from '../../routing/Link';
import type { EarlyWarningReason } from '../../gql/graphql';
import {
  AT_RISK_COLUMNS,
  REASON_LABELS,
  describeReason,
  type AtRiskEpisode,
  type AtRiskSortKey,
} from './at-risk-shape';
import { FIRST_DIRECTION, pageOfAtRisk, PAGE_SIZES } from './at-risk-view';
import { useAtRiskView } from './useAtRiskView';

const SORTABLE: { key: AtRiskSortKey; label: string; numeric?: boolean }[] = [
  { key: 'participant', label: 'Participant' },
  { key: 'site', label: 'Site' },
  { key: 'daysSinceAdmission', label: 'Days since admission', numeric: true },
  { key: 'lastAttended', label: 'Last attended' },
  { key: 'reasons', label: 'Reasons', numeric: true },
];

/**
 * The at-risk list: search by participant, one reason, sort by any header (buttons, announced with
 * aria-sort), 25 rows a page; all of it in the URL. The CSV holds every matching row, not one page.
 */
export function AtRiskTable({ episodes, asOf }: { episodes: readonly AtRiskEpisode[]; asOf: string }) {
  const [view, update, hrefOf] = useAtRiskView();
  const { matching, rows, page, pageCount } = useMemo(() => pageOfAtRisk(episodes, view), [episodes, view]);
  // One builder for the button and the page's "Download all": every matching row, in the chosen order.
  const csv = useMemo(
    () =>
      matching.length
        ? {
            fileName: csvFileName('episodes-at-risk', { from: asOf, to: asOf }),
            text: () => toCsv(matching, AT_RISK_COLUMNS),
          }
        : null,
    [matching, asOf],
  );
  usePageCsv(csv);
  const searchId = useId();
  const reasonId = useId();
  const sizeId = useId();
  const toggle = (key: AtRiskSortKey) =>
    update({
      sort: key,
      direction:
        view.sort === key ? (view.direction === 'ascending' ? 'descending' : 'ascending') : FIRST_DIRECTION[key],
      page: 1,
    });
  const first = matching.length ? (page - 1) * view.pageSize + 1 : 0;
  const last = (page - 1) * view.pageSize + rows.length;

  return (
    <section className="card" aria-labelledby="at-risk-list-heading">
      <div className="chart-frame__header">
        <h2 id="at-risk-list-heading" className="chart-frame__title">
          Episodes at risk
        </h2>
        <button type="button" disabled={!csv} onClick={() => csv && downloadText(csv.fileName, csv.text())}>
          Download CSV ({formatCount(matching.length)} rows)
        </button>
      </div>
      <div className="list-controls">
        <div className="list-controls__field">
          <label htmlFor={searchId}>Participant</label>
          <input
            id={searchId}
            type="search"
            value={view.search}
            maxLength={64}
            placeholder="Part of an id"
            onChange={(e) => update({ search: e.target.value, page: 1 })}
          />
        </div>
        <div className="list-controls__field">
          <label htmlFor={reasonId}>Reason</label>
          <select
            id={reasonId}
            value={view.reason ?? ''}
            onChange={(e) => update({ reason: (e.target.value || null) as EarlyWarningReason | null, page: 1 })}
          >
            <option value="">Any reason</option>
            {Object.entries(REASON_LABELS).map(([reason, label]) => (
              <option key={reason} value={reason}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="list-controls__field">
          <label htmlFor={sizeId}>Rows a page</label>
          <select
            id={sizeId}
            value={view.pageSize}
            onChange={(e) => update({ pageSize: Number(e.target.value), page: 1 })}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <p role="status" className="list-controls__count" data-testid="at-risk-count">
          {matching.length
            ? `${formatCount(first)}–${formatCount(last)} of ${formatCount(matching.length)} episodes`
            : 'No episode matches this search and reason.'}
          {matching.length < episodes.length && ` (${formatCount(episodes.length)} at risk in all)`}
        </p>
      </div>
      {rows.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: episodes at risk">
          <table className="at-risk-list">
            <caption className="visually-hidden">
              Open episodes with at least one early-warning reason; the column headers sort; each participant links to
              their recent sessions and check-ins.
            </caption>
            <thead>
              <tr>
                {SORTABLE.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={view.sort === c.key ? view.direction : 'none'}
                  >
                    <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                      {c.label}
                      <span aria-hidden="true">
                        {view.sort === c.key ? (view.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  </th>
                ))}
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.enrollmentId}>
                  <th scope="row">
                    <Link
                      href={hrefOf({ ...view, participant: e.participantId })}
                      aria-label={`${e.participantId}: recent sessions and check-ins`}
                    >
                      {e.participantId}
                    </Link>
                    <span className="muted-line">episode {e.enrollmentId}</span>
                  </th>
                  <td>{e.siteName}</td>
                  <td className="num">{e.daysSinceAdmission}</td>
                  <td>{e.lastAttendedDate ? formatDate(e.lastAttendedDate) : 'never'}</td>
                  <td className="num">{e.reasonCount}</td>
                  <td>
                    <ul className="reason-list">
                      {e.reasons.map((r) => (
                        <li key={r}>{describeReason(r, e)}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 && <Pager page={page} pageCount={pageCount} onPage={(p) => update({ page: p })} />}
    </section>
  );
}

function Pager(props: { page: number; pageCount: number; onPage: (page: number) => void }) {
  const { page, pageCount, onPage } = props;
  return (
    <nav className="pager" aria-label="Pages of the at-risk list">
      <button type="button" disabled={page <= 1} onClick={() => onPage(1)}>
        First
      </button>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      <button type="button" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        Next
      </button>
      <button type="button" disabled={page >= pageCount} onClick={() => onPage(pageCount)}>
        Last
      </button>
    </nav>
  );
}

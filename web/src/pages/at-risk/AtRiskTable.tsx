import { useState } from 'react';
import { toCsv } from '../../charts/csv';
import { csvFileName, downloadText } from '../../charts/download';
import {
  AT_RISK_COLUMNS,
  describeReason,
  sortAtRisk,
  type AtRiskEpisode,
  type AtRiskSortKey,
  type SortDirection,
} from './at-risk-shape';

const SORTABLE: { key: AtRiskSortKey; label: string; numeric?: boolean }[] = [
  { key: 'participant', label: 'Participant' },
  { key: 'site', label: 'Site' },
  { key: 'daysSinceAdmission', label: 'Days since admission', numeric: true },
  { key: 'lastAttended', label: 'Last attended' },
  { key: 'reasons', label: 'Reasons', numeric: true },
];

// Most reasons first is the served order; numbers start high, text starts at A.
const FIRST_DIRECTION: Record<AtRiskSortKey, SortDirection> = {
  reasons: 'descending',
  daysSinceAdmission: 'descending',
  participant: 'ascending',
  site: 'ascending',
  lastAttended: 'ascending',
};

/** The at-risk list: sortable by its headers (buttons, announced with aria-sort), each reason in words. */
export function AtRiskTable({ episodes, asOf }: { episodes: readonly AtRiskEpisode[]; asOf: string }) {
  const [sort, setSort] = useState<{ key: AtRiskSortKey; direction: SortDirection }>({
    key: 'reasons',
    direction: 'descending',
  });
  const sorted = sortAtRisk(episodes, sort.key, sort.direction);
  const toggle = (key: AtRiskSortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: FIRST_DIRECTION[key] },
    );

  return (
    <section className="card" aria-labelledby="at-risk-list-heading">
      <div className="chart-frame__header">
        <h2 id="at-risk-list-heading" className="chart-frame__title">
          Episodes at risk
        </h2>
        <button
          type="button"
          onClick={() =>
            downloadText(csvFileName('episodes-at-risk', { from: asOf, to: asOf }), toCsv(sorted, AT_RISK_COLUMNS))
          }
        >
          Download CSV
        </button>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table: episodes at risk">
        <table className="at-risk-list">
          <caption className="visually-hidden">
            Open episodes with at least one early-warning reason; the column headers sort.
          </caption>
          <thead>
            <tr>
              {SORTABLE.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sort.key === c.key ? sort.direction : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true">
                      {sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e) => (
              <tr key={e.enrollmentId}>
                <th scope="row">
                  {e.participantId}
                  <span className="muted-line">episode {e.enrollmentId}</span>
                </th>
                <td>{e.siteName}</td>
                <td className="num">{e.daysSinceAdmission}</td>
                <td>{e.lastAttendedDate ?? 'never'}</td>
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
    </section>
  );
}

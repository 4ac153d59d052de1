import { useDataFreshnessQuery } from './useDataFreshnessQuery';

const LABELS: Record<string, string> = {
  sites: 'Sites',
  groups: 'Therapy groups',
  participants: 'Participants',
  enrollments: 'Treatment episodes',
  sessions: 'Group sessions',
  attendance: 'Attendance records',
  feedback: 'Session ratings',
  sobriety: 'Sobriety check-ins',
};

/** What the figures are computed from: rows and latest date of each export, and the last load. */
export function DataStatusPage() {
  const { data, error, isPending, refetch } = useDataFreshnessQuery();
  if (isPending) return <p aria-busy="true">Loading the data status…</p>;
  if (error)
    return (
      <div role="alert" className="error">
        <p>{error.message}</p>
        <button onClick={() => void refetch()}>Retry</button>
      </div>
    );
  const empty = data.tables.every((t) => t.rows === 0);
  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      {empty ? (
        <p>No data has been loaded yet. Load the program's exports to see figures.</p>
      ) : (
        <p>
          Figures are computed as of <strong>{data.defaultAsOf}</strong>
          {data.lastSuccessfulLoadAt && <> · last load {new Date(data.lastSuccessfulLoadAt).toLocaleString()}</>}.
        </p>
      )}
      <table>
        <caption>Loaded records</caption>
        <thead>
          <tr>
            <th scope="col">Export</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col">Latest date</th>
          </tr>
        </thead>
        <tbody>
          {data.tables.map((t) => (
            <tr key={t.kind}>
              <th scope="row">{LABELS[t.kind] ?? t.kind}</th>
              <td className="num">{t.rows.toLocaleString('en-US')}</td>
              <td>{t.latestDate ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

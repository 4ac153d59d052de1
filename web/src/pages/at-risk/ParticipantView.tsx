import { isForbidden } from '../../api/api-error';
import { ForbiddenState } from '../../app/ForbiddenState';
import { DataTable } from '../../charts/DataTable';
import { formatDate } from '../../charts/format';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { Link } from '../../routing/Link';
import { CHECKIN_COLUMNS, describeEpisode, SESSION_COLUMNS } from './participant-shape';
import { RECENT_ROWS, useParticipantActivityQuery } from './useParticipantActivityQuery';

/** One participant's last sessions and check-ins, opened from a row of the at-risk list. */
export function ParticipantView(props: {
  participantId: string;
  filter: MetricsFilterVariables | null;
  backHref: string;
}) {
  const { participantId, filter, backHref } = props;
  const query = useParticipantActivityQuery(participantId, filter);
  const p = query.data;
  return (
    <section className="card participant-view" aria-labelledby="participant-heading" aria-busy={query.isPending}>
      <p>
        <Link href={backHref}>← Back to the at-risk list</Link>
      </p>
      <h2 id="participant-heading">Participant {participantId}</h2>
      {query.isPending && <div className="skeleton" role="status" aria-label="Loading the participant's record" />}
      {query.error && isForbidden(query.error) && <ForbiddenState what="this participant" />}
      {query.error && !isForbidden(query.error) && (
        <div role="alert">
          <p>
            Could not load participant {participantId}: {query.error.message}
          </p>
          <button type="button" onClick={() => void query.refetch()}>
            Retry
          </button>
        </div>
      )}
      {p && (
        <>
          <p className="page-note">
            The last {RECENT_ROWS} sessions and check-ins up to {formatDate(p.asOf)}, at the sites in scope.
          </p>
          <ul className="episode-list" aria-label="Episodes">
            {p.episodes.map((e) => (
              <li key={e.enrollmentId}>
                Episode {e.enrollmentId} at {e.siteName}: {describeEpisode(e, formatDate)}
              </li>
            ))}
          </ul>
          {p.sessions.length ? (
            <DataTable caption="Recent sessions, latest first" rows={p.sessions} columns={SESSION_COLUMNS} />
          ) : (
            <p className="chart-frame__empty">No attendance recorded up to {formatDate(p.asOf)}.</p>
          )}
          {p.checkins.length ? (
            <DataTable caption="Recent sobriety check-ins, latest first" rows={p.checkins} columns={CHECKIN_COLUMNS} />
          ) : (
            <p className="chart-frame__empty">No check-in recorded up to {formatDate(p.asOf)}.</p>
          )}
        </>
      )}
    </section>
  );
}

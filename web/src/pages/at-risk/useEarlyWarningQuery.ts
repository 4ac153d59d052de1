import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const EARLY_WARNING = graphql(`
  query EarlyWarning($filter: MetricsFilter, $limit: Int!) {
    earlyWarning(filter: $filter, limit: $limit) {
      asOf
      openEpisodes
      atRiskEpisodes
      truncated
      byReason {
        reason
        episodes
      }
      episodes {
        enrollmentId
        participantId
        siteName
        admissionDate
        daysSinceAdmission
        reasons
        reasonCount
        lastSessionDate
        lastAttendedDate
        rowsLast14Days
        lastFeedbackDate
        lastFeedbackScore
        lastCheckinDate
        lastCheckinDaysUsed
      }
    }
  }
`);

/**
 * The whole list, the server's maximum: the page searches, filters, sorts and pages it in the
 * browser. The list is ranked by one indexed query and at 100,000 participants holds a few
 * thousand episodes (about 300 bytes each, under 2 MB); one request then makes every page, sort
 * and search instant and lets the CSV hold every matching row. The page says so when it is cut.
 */
const LIST_LIMIT = 5000;

/**
 * Open episodes with an early-warning reason. Only the as-of date and the sites apply (the list is
 * about today's open episodes, not a period), so the key holds only those.
 */
export function useEarlyWarningQuery(filter: MetricsFilterVariables | null) {
  const scope = filter && { asOf: filter.asOf, siteIds: filter.siteIds };
  return useQuery({
    queryKey: ['earlyWarning', scope, LIST_LIMIT],
    queryFn: () => graphqlRequest(EARLY_WARNING, { filter: scope, limit: LIST_LIMIT }).then((d) => d.earlyWarning),
    enabled: scope !== null,
  });
}

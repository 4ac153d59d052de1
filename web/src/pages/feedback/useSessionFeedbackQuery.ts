import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

// Also read by the overview (session score tile and its weekly sparkline). The weekly chart draws
// all group types together, so a week carries no breakdown by type.
const SESSION_FEEDBACK = graphql(`
  query SessionFeedback($filter: MetricsFilter) {
    sessionFeedback(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      total {
        ...SessionFeedbackFigures
      }
      byGroupType {
        groupType
        figures {
          ...SessionFeedbackFigures
        }
      }
      byWeek {
        weekStart
        partial
        total {
          ...SessionFeedbackWeekFigures
        }
      }
    }
  }

  fragment SessionFeedbackFigures on SessionFeedbackFigures {
    responses
    meanScore
    meanRelationship
    meanGoalsTopics
    meanApproach
    meanOverall
  }

  fragment SessionFeedbackWeekFigures on SessionFeedbackFigures {
    responses
    meanScore
    allianceFlag {
      ...SessionProportion
    }
  }
`);

/** Session feedback scores and the alliance flag rate; idle until the filter is known. */
export function useSessionFeedbackQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['sessionFeedback', filter],
    queryFn: () => graphqlRequest(SESSION_FEEDBACK, { filter }).then((d) => d.sessionFeedback),
    enabled: filter !== null,
  });
}

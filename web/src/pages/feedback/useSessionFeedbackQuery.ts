import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

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
        total {
          ...SessionFeedbackFigures
        }
        byGroupType {
          groupType
          figures {
            ...SessionFeedbackFigures
          }
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

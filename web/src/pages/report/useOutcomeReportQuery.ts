import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import { graphql } from '../../gql';
import type { ReportFilter } from './report-shape';

const OUTCOME_REPORT = graphql(`
  query OutcomeReport($filter: MetricsFilter) {
    outcomeReport(filter: $filter) {
      periods {
        from
        to
        previousFrom
        previousTo
        asOf
        comparison
      }
      siteIds
      suppressionThreshold
      lastSuccessfulLoadAt
      figures {
        section
        measure
        label
        unit
        groupType
        period
        value
        lower
        upper
        n
        suppressed
      }
      survivalCurves {
        groupType
        points {
          days
          survival
        }
      }
      logRank {
        chiSquare
        df
        pValue
      }
    }
  }
`);

/** The suppressed funder report for the period; idle until the filter is known. */
export function useOutcomeReportQuery(filter: ReportFilter | null) {
  return useQuery({
    queryKey: ['outcomeReport', filter],
    queryFn: () => graphqlRequest(OUTCOME_REPORT, { filter }).then((d) => d.outcomeReport),
    enabled: filter !== null,
  });
}

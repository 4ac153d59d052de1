/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query DataFreshness {\n    dataFreshness {\n      defaultAsOf\n      lastSuccessfulLoadAt\n      tables {\n        kind\n        rows\n        latestDate\n      }\n    }\n  }\n": typeof types.DataFreshnessDocument,
    "\n  query ProgramOverview($filter: MetricsFilter) {\n    programOverview(filter: $filter) {\n      asOf\n      period {\n        from\n        to\n      }\n      previousPeriod {\n        from\n        to\n      }\n      admissions {\n        current\n        previous\n      }\n      discharges {\n        current\n        previous\n      }\n      openEpisodes {\n        current\n        previous\n      }\n      participantsServed {\n        current\n        previous\n      }\n      sessionsHeld {\n        current\n        previous\n      }\n      sessionsHeldByGroupType {\n        groupType\n        current\n        previous\n      }\n    }\n  }\n": typeof types.ProgramOverviewDocument,
    "\n  query Retention($filter: MetricsFilter) {\n    retention(filter: $filter) {\n      scope {\n        from\n        to\n        asOf\n      }\n      total {\n        ...RetentionFigures\n      }\n      byGroupType {\n        ...RetentionFigures\n      }\n      comparison {\n        chiSquare\n        df\n        pValue\n      }\n    }\n  }\n\n  fragment RetentionFigures on RetentionFigures {\n    groupType\n    episodes\n    dropouts\n    discharged\n    medianDaysToDropout\n    medianLengthOfStay\n    curve {\n      days\n      atRisk\n      events\n      censored\n      survival\n      lower\n      upper\n    }\n    retainedAt {\n      days\n      atRisk\n      survival\n      lower\n      upper\n    }\n    completion {\n      numerator\n      denominator\n      rate\n      lower\n      upper\n    }\n  }\n": typeof types.RetentionDocument,
};
const documents: Documents = {
    "\n  query DataFreshness {\n    dataFreshness {\n      defaultAsOf\n      lastSuccessfulLoadAt\n      tables {\n        kind\n        rows\n        latestDate\n      }\n    }\n  }\n": types.DataFreshnessDocument,
    "\n  query ProgramOverview($filter: MetricsFilter) {\n    programOverview(filter: $filter) {\n      asOf\n      period {\n        from\n        to\n      }\n      previousPeriod {\n        from\n        to\n      }\n      admissions {\n        current\n        previous\n      }\n      discharges {\n        current\n        previous\n      }\n      openEpisodes {\n        current\n        previous\n      }\n      participantsServed {\n        current\n        previous\n      }\n      sessionsHeld {\n        current\n        previous\n      }\n      sessionsHeldByGroupType {\n        groupType\n        current\n        previous\n      }\n    }\n  }\n": types.ProgramOverviewDocument,
    "\n  query Retention($filter: MetricsFilter) {\n    retention(filter: $filter) {\n      scope {\n        from\n        to\n        asOf\n      }\n      total {\n        ...RetentionFigures\n      }\n      byGroupType {\n        ...RetentionFigures\n      }\n      comparison {\n        chiSquare\n        df\n        pValue\n      }\n    }\n  }\n\n  fragment RetentionFigures on RetentionFigures {\n    groupType\n    episodes\n    dropouts\n    discharged\n    medianDaysToDropout\n    medianLengthOfStay\n    curve {\n      days\n      atRisk\n      events\n      censored\n      survival\n      lower\n      upper\n    }\n    retainedAt {\n      days\n      atRisk\n      survival\n      lower\n      upper\n    }\n    completion {\n      numerator\n      denominator\n      rate\n      lower\n      upper\n    }\n  }\n": types.RetentionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataFreshness {\n    dataFreshness {\n      defaultAsOf\n      lastSuccessfulLoadAt\n      tables {\n        kind\n        rows\n        latestDate\n      }\n    }\n  }\n"): (typeof documents)["\n  query DataFreshness {\n    dataFreshness {\n      defaultAsOf\n      lastSuccessfulLoadAt\n      tables {\n        kind\n        rows\n        latestDate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgramOverview($filter: MetricsFilter) {\n    programOverview(filter: $filter) {\n      asOf\n      period {\n        from\n        to\n      }\n      previousPeriod {\n        from\n        to\n      }\n      admissions {\n        current\n        previous\n      }\n      discharges {\n        current\n        previous\n      }\n      openEpisodes {\n        current\n        previous\n      }\n      participantsServed {\n        current\n        previous\n      }\n      sessionsHeld {\n        current\n        previous\n      }\n      sessionsHeldByGroupType {\n        groupType\n        current\n        previous\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgramOverview($filter: MetricsFilter) {\n    programOverview(filter: $filter) {\n      asOf\n      period {\n        from\n        to\n      }\n      previousPeriod {\n        from\n        to\n      }\n      admissions {\n        current\n        previous\n      }\n      discharges {\n        current\n        previous\n      }\n      openEpisodes {\n        current\n        previous\n      }\n      participantsServed {\n        current\n        previous\n      }\n      sessionsHeld {\n        current\n        previous\n      }\n      sessionsHeldByGroupType {\n        groupType\n        current\n        previous\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Retention($filter: MetricsFilter) {\n    retention(filter: $filter) {\n      scope {\n        from\n        to\n        asOf\n      }\n      total {\n        ...RetentionFigures\n      }\n      byGroupType {\n        ...RetentionFigures\n      }\n      comparison {\n        chiSquare\n        df\n        pValue\n      }\n    }\n  }\n\n  fragment RetentionFigures on RetentionFigures {\n    groupType\n    episodes\n    dropouts\n    discharged\n    medianDaysToDropout\n    medianLengthOfStay\n    curve {\n      days\n      atRisk\n      events\n      censored\n      survival\n      lower\n      upper\n    }\n    retainedAt {\n      days\n      atRisk\n      survival\n      lower\n      upper\n    }\n    completion {\n      numerator\n      denominator\n      rate\n      lower\n      upper\n    }\n  }\n"): (typeof documents)["\n  query Retention($filter: MetricsFilter) {\n    retention(filter: $filter) {\n      scope {\n        from\n        to\n        asOf\n      }\n      total {\n        ...RetentionFigures\n      }\n      byGroupType {\n        ...RetentionFigures\n      }\n      comparison {\n        chiSquare\n        df\n        pValue\n      }\n    }\n  }\n\n  fragment RetentionFigures on RetentionFigures {\n    groupType\n    episodes\n    dropouts\n    discharged\n    medianDaysToDropout\n    medianLengthOfStay\n    curve {\n      days\n      atRisk\n      events\n      censored\n      survival\n      lower\n      upper\n    }\n    retainedAt {\n      days\n      atRisk\n      survival\n      lower\n      upper\n    }\n    completion {\n      numerator\n      denominator\n      rate\n      lower\n      upper\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
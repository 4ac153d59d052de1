import { Field, InputType } from '@nestjs/graphql';
import { ComparisonKind } from './comparison-kind.enum';
import { GroupType } from './group-type.enum';

/**
 * The scope of every metric query (docs/METRICS.md, "Scope of a query"). Dates are ISO
 * `YYYY-MM-DD` strings: a calendar date has no time zone, and a DateTime would invite one.
 */
@InputType({ description: 'Period, sites, group types and as-of date of a metric query' })
export class MetricsFilter {
  @Field(() => String, { nullable: true, description: 'First day of the period (inclusive), YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the period (inclusive), YYYY-MM-DD' })
  to?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these sites (all when absent)' })
  siteIds?: string[] | null;

  @Field(() => [GroupType], { nullable: true, description: 'Only these group types (all when absent)' })
  groupTypes?: GroupType[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The date the analysis looks from, YYYY-MM-DD (default: the latest date in the data)',
  })
  asOf?: string | null;

  @Field(() => ComparisonKind, {
    nullable: true,
    description:
      'Which previous period comparisons use (default sameLength); only figures set beside a previous period read it',
  })
  comparison?: ComparisonKind | null;
}

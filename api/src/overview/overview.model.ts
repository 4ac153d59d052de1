import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';

@ObjectType({ description: 'A calendar period, both ends inclusive' })
export class OverviewPeriod {
  @Field({ description: 'First day (YYYY-MM-DD)' })
  from!: string;

  @Field({ description: 'Last day (YYYY-MM-DD)' })
  to!: string;
}

@ObjectType({ description: 'A count in the period and in the previous period' })
export class PeriodComparison {
  @Field(() => Int)
  current!: number;

  @Field(() => Int)
  previous!: number;
}

@ObjectType({ description: 'Sessions held of one group type (or all), in the period and the previous one' })
export class SessionsHeld {
  @Field(() => GroupType, { nullable: true, description: 'The group type; null for the all-types total' })
  groupType!: GroupType | null;

  @Field(() => Int)
  current!: number;

  @Field(() => Int)
  previous!: number;
}

@ObjectType({ description: 'Program overview of a period, each figure beside the previous period' })
export class ProgramOverview {
  @Field(() => OverviewPeriod, { description: 'The period (to is capped at as_of)' })
  period!: OverviewPeriod;

  @Field(() => OverviewPeriod, { description: "The previous period, as the filter's comparison chooses it" })
  previousPeriod!: OverviewPeriod;

  @Field({ description: 'How the previous period was chosen, in plain words ("the previous quarter")' })
  comparison!: string;

  @Field({
    description:
      'Whether the previous period holds any data (an episode open on one of its days or a session held): where it ' +
      'holds none, its figures are "no data", not 0',
  })
  previousHasData!: boolean;

  @Field({ description: 'The as-of date (YYYY-MM-DD): later rows are ignored' })
  asOf!: string;

  @Field(() => PeriodComparison, { description: 'Episodes admitted in the period' })
  admissions!: PeriodComparison;

  @Field(() => PeriodComparison, { description: 'Episodes discharged in the period (on or before as_of)' })
  discharges!: PeriodComparison;

  @Field(() => PeriodComparison, {
    description: "Episodes open at the period's last day (as_of when the period runs to as_of)",
  })
  openEpisodes!: PeriodComparison;

  @Field(() => PeriodComparison, { description: 'Distinct participants with an episode open on any day of the period' })
  participantsServed!: PeriodComparison;

  @Field(() => SessionsHeld, { description: 'Sessions held, all group types' })
  sessionsHeld!: SessionsHeld;

  @Field(() => [SessionsHeld], { description: 'Sessions held per group type of the filter' })
  sessionsHeldByGroupType!: SessionsHeld[];
}

import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';
import { SessionProportion, SessionScopeInfo } from '../sessions-scope';

@ObjectType({ description: 'ASAM 2.1 intensity (at least 9 hours a week) of one cell (METRICS.md, Attendance)' })
export class IntensityFigures {
  @Field(() => Int, { description: 'Participant-weeks (episode × ISO week) with at least one non-excused row' })
  participantWeeks!: number;

  @Field(() => Int, { description: 'Of those, weeks with a row of unknown hours: left out of the rate' })
  unknownHoursWeeks!: number;

  @Field(() => SessionProportion, {
    description: 'Weeks whose hours sum to 9 or more ÷ weeks with all hours known',
  })
  intensityMet!: SessionProportion;
}

@ObjectType({ description: 'Intensity of one group type: only that type’s rows form the week' })
export class IntensityByGroupType {
  @Field(() => GroupType)
  groupType!: GroupType;

  @Field(() => IntensityFigures)
  figures!: IntensityFigures;
}

@ObjectType({ description: 'Intensity in one ISO week (Monday to Sunday)' })
export class IntensityWeek {
  @Field({ description: 'Monday of the ISO week (YYYY-MM-DD)' })
  weekStart!: string;

  @Field({ description: 'ISO week label, e.g. 2025-W01' })
  isoWeek!: string;

  @Field({ description: "Cut by the period's first or last day or by as_of: some of its days are not counted" })
  partial!: boolean;

  @Field(() => IntensityFigures, { description: 'All group types in scope' })
  total!: IntensityFigures;

  @Field(() => [IntensityByGroupType], { description: 'Every group type in scope, zero counts included' })
  byGroupType!: IntensityByGroupType[];
}

@ObjectType({ description: 'Share of participant-weeks meeting ASAM level 2.1 intensity (9 hours a week)' })
export class IntensityReport {
  @Field(() => SessionScopeInfo)
  scope!: SessionScopeInfo;

  @Field(() => IntensityFigures, { description: 'All group types in scope' })
  total!: IntensityFigures;

  @Field(() => [IntensityByGroupType], { description: 'Every group type in scope, zero counts included' })
  byGroupType!: IntensityByGroupType[];

  @Field(() => [IntensityWeek], { description: 'ISO weeks with participant-weeks in scope, oldest first' })
  byWeek!: IntensityWeek[];
}

import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';

@ObjectType({ description: 'Attendance and feedback figures of a group, a group type or a session' })
export class DrilldownFigures {
  @Field(() => Int, { description: 'Attendance rows (the roster)' })
  scheduled!: number;

  @Field(() => Int, { description: 'Rows present, late or left early' })
  attended!: number;

  @Field(() => Int, { description: 'Rows excused' })
  excused!: number;

  @Field(() => Float, { nullable: true, description: 'Attended ÷ (scheduled − excused); null when that is 0' })
  attendanceRate!: number | null;

  @Field(() => Int, { description: 'Feedback responses (n of the mean score)' })
  feedbackResponses!: number;

  @Field(() => Float, { nullable: true, description: 'Mean session score (0–40); null without feedback' })
  meanFeedbackScore!: number | null;
}

@ObjectType({ description: 'A therapy group with its figures over the period' })
export class DrilldownGroup extends DrilldownFigures {
  @Field(() => String, { nullable: true, description: 'null for the total of the group type' })
  groupId!: string | null;

  @Field(() => String, { nullable: true })
  groupName!: string | null;

  @Field(() => String, { nullable: true })
  siteId!: string | null;

  @Field(() => String, { nullable: true })
  siteName!: string | null;

  @Field(() => String, { nullable: true, description: 'cbt, dbt, mindfulness, motivational, twelve_step or other' })
  modality!: string | null;

  @Field(() => Int, { description: 'Sessions held in the period' })
  sessions!: number;

  @Field(() => Int, { description: 'Distinct participants with a row on those sessions' })
  participants!: number;
}

@ObjectType({ description: 'The groups of one group type, with the type total' })
export class DrilldownGroups {
  @Field(() => GroupType)
  groupType!: GroupType;

  @Field({ description: 'First day of the period (YYYY-MM-DD)' })
  from!: string;

  @Field({ description: 'Last day of the period, at most as_of (YYYY-MM-DD)' })
  to!: string;

  @Field(() => DrilldownGroup, { description: 'All groups of the type (participants counted once)' })
  total!: DrilldownGroup;

  @Field(() => [DrilldownGroup], { description: 'Groups that held sessions in the period, by id' })
  groups!: DrilldownGroup[];
}

@ObjectType({ description: 'One session of a group' })
export class DrilldownSession extends DrilldownFigures {
  @Field()
  sessionId!: string;

  @Field({ description: 'Session date (YYYY-MM-DD)' })
  date!: string;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes!: number | null;
}

@ObjectType({ description: 'The sessions of one group in the period' })
export class DrilldownSessions {
  @Field()
  groupId!: string;

  @Field()
  groupName!: string;

  @Field(() => GroupType)
  groupType!: GroupType;

  @Field()
  siteId!: string;

  @Field()
  siteName!: string;

  @Field(() => String, { nullable: true })
  modality!: string | null;

  @Field({ description: 'First day of the period (YYYY-MM-DD)' })
  from!: string;

  @Field({ description: 'Last day of the period, at most as_of (YYYY-MM-DD)' })
  to!: string;

  @Field(() => [DrilldownSession], { description: 'By date' })
  sessions!: DrilldownSession[];
}

import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "One of a participant's recent attendance rows" })
export class ParticipantSession {
  @Field({ description: 'YYYY-MM-DD' })
  sessionDate!: string;

  @Field()
  sessionId!: string;

  @Field()
  groupName!: string;

  @Field()
  groupType!: string;

  @Field()
  siteName!: string;

  @Field({ description: 'present, late, left_early, absent or excused' })
  status!: string;

  @Field(() => Int, { nullable: true })
  minutesAttended!: number | null;
}

@ObjectType({ description: 'One of a participant’s recent sobriety check-ins' })
export class ParticipantCheckin {
  @Field({ description: 'YYYY-MM-DD' })
  reportDate!: string;

  @Field(() => Int, { description: 'Days with use in the window before the report' })
  daysUsed!: number;

  @Field(() => Int)
  windowDays!: number;

  @Field(() => Float, { nullable: true, description: 'Craving, 0 to 10 (halves allowed)' })
  craving!: number | null;

  @Field(() => Boolean, { nullable: true })
  goalMet!: boolean | null;
}

@ObjectType({ description: 'An episode of the participant at a site in scope' })
export class ParticipantEpisode {
  @Field()
  enrollmentId!: string;

  @Field()
  siteName!: string;

  @Field({ description: 'YYYY-MM-DD' })
  admissionDate!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while open' })
  dischargeDate!: string | null;

  @Field(() => String, { nullable: true })
  dischargeReason!: string | null;
}

@ObjectType({ description: "A participant's recent attendance and check-ins, up to asOf (directors only)" })
export class ParticipantActivity {
  @Field()
  participantId!: string;

  @Field({ description: 'The as-of date (YYYY-MM-DD): nothing later is listed' })
  asOf!: string;

  @Field(() => [ParticipantEpisode], { description: 'Episodes at the sites in scope, latest admission first' })
  episodes!: ParticipantEpisode[];

  @Field(() => [ParticipantSession], { description: 'The most recent attendance rows, latest first' })
  sessions!: ParticipantSession[];

  @Field(() => [ParticipantCheckin], { description: 'The most recent check-ins, latest first' })
  checkins!: ParticipantCheckin[];
}

import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

/** The named reasons of METRICS.md, Early warning, in the order listed there. */
export enum EarlyWarningReason {
  two_most_recent_absent = 'two_most_recent_absent',
  not_attending = 'not_attending',
  low_feedback_score = 'low_feedback_score',
  use_reported = 'use_reported',
  no_recent_checkin = 'no_recent_checkin',
}

registerEnumType(EarlyWarningReason, {
  name: 'EarlyWarningReason',
  description: 'Why an open episode is at risk (METRICS.md, Early warning)',
  valuesMap: {
    two_most_recent_absent: { description: 'Its two most recent attendance rows (any group) are both absent' },
    not_attending: {
      description: 'It has rows in the 14 days [asOf − 13, asOf] but none attended in the 7 days [asOf − 6, asOf]',
    },
    low_feedback_score: { description: 'Its most recent session feedback score is 36 or lower' },
    use_reported: { description: 'Its most recent check-in reports days_used > 0' },
    no_recent_checkin: { description: 'It has no check-in in the 14 days [asOf − 13, asOf]' },
  },
});

@ObjectType({ description: 'An episode open at asOf with at least one early-warning reason' })
export class AtRiskEpisode {
  @Field()
  enrollmentId!: string;

  @Field()
  participantId!: string;

  @Field({ description: 'Site of the episode' })
  siteId!: string;

  @Field()
  siteName!: string;

  @Field({ description: 'YYYY-MM-DD' })
  admissionDate!: string;

  @Field(() => Int, { description: 'asOf − admission date, in days' })
  daysSinceAdmission!: number;

  @Field(() => [EarlyWarningReason], { description: 'The reasons that hold, in the order of METRICS.md' })
  reasons!: EarlyWarningReason[];

  @Field(() => Int, { description: 'Number of reasons (the list is sorted by it, most first)' })
  reasonCount!: number;

  @Field(() => String, { nullable: true, description: 'Date of its most recent attendance row, any status' })
  lastSessionDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Date of its most recent attended row' })
  lastAttendedDate!: string | null;

  @Field(() => [String], { description: 'Statuses of its two most recent rows, most recent first' })
  lastTwoStatuses!: string[];

  @Field(() => Int, { description: 'Its rows dated in [asOf − 13, asOf]' })
  rowsLast14Days!: number;

  @Field(() => Int, { description: 'Its attended rows dated in [asOf − 6, asOf]' })
  attendedLast7Days!: number;

  @Field(() => String, { nullable: true, description: 'Session date of its most recent feedback' })
  lastFeedbackDate!: string | null;

  @Field(() => Float, { nullable: true, description: 'Score (0 to 40) of its most recent feedback' })
  lastFeedbackScore!: number | null;

  @Field(() => String, { nullable: true, description: 'Date of its most recent check-in' })
  lastCheckinDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'days_used of its most recent check-in' })
  lastCheckinDaysUsed!: number | null;
}

@ObjectType({ description: 'How many open episodes one reason holds for' })
export class EarlyWarningReasonCount {
  @Field(() => EarlyWarningReason)
  reason!: EarlyWarningReason;

  @Field(() => Int)
  episodes!: number;
}

@ObjectType({ description: 'Episodes open at asOf that are at risk, most reasons first (clinical roles only)' })
export class EarlyWarningList {
  @Field({ description: 'The as-of date (YYYY-MM-DD)' })
  asOf!: string;

  @Field(() => [String], { nullable: true, description: 'The sites in scope (of the episode); null = all sites' })
  siteIds!: string[] | null;

  @Field(() => Int, { description: 'Episodes open at asOf at the sites in scope' })
  openEpisodes!: number;

  @Field(() => Int, { description: 'Of those, episodes with at least one reason' })
  atRiskEpisodes!: number;

  @Field(() => [EarlyWarningReasonCount], { description: 'Open episodes per reason (an episode may count in several)' })
  byReason!: EarlyWarningReasonCount[];

  @Field(() => [AtRiskEpisode], {
    description:
      'At-risk episodes by number of reasons (most first), then longest since last attended (never attended first), then enrollment id',
  })
  episodes!: AtRiskEpisode[];

  @Field({ description: 'True when more episodes are at risk than the limit listed' })
  truncated!: boolean;
}

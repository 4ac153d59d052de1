import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { EpisodeMean, EpisodeProportion, EpisodeScopeInfo } from '../episodes';
import { GroupType } from '../filters';

@ObjectType({ description: 'Abstinence at one milestone (30, 60 or 90 days after admission)' })
export class AbstinenceMilestone {
  @Field(() => Int, { description: 'The milestone m in days' })
  days!: number;

  @Field(() => Int, { description: 'Episodes admitted on or before as_of − (m + 14)' })
  eligible!: number;

  @Field(() => Int, { description: 'Eligible episodes with a check-in within m ± 14 days' })
  responders!: number;

  @Field(() => Int, { description: 'Responders whose milestone check-in has days_used = 0' })
  abstinent!: number;

  @Field(() => EpisodeProportion, { description: 'Abstinent ÷ responders' })
  responderRate!: EpisodeProportion;

  @Field(() => EpisodeProportion, { description: 'Abstinent ÷ eligible (missing counts as not abstinent)' })
  intentToTreatRate!: EpisodeProportion;
}

@ObjectType({ description: 'Mean craving in one week since admission, over in-treatment check-ins' })
export class CravingWeek {
  @Field(() => Int, { description: 'k = floor((report_date − admission_date) ÷ 7), 0 to 12' })
  week!: number;

  @Field(() => Int, { description: 'Check-ins with a craving rating (n of the mean)' })
  checkIns!: number;

  @Field(() => Int, { description: 'Episodes those check-ins come from' })
  episodes!: number;

  @Field(() => Float, { nullable: true, description: 'Mean craving (0–10); null without check-ins' })
  meanCraving!: number | null;
}

@ObjectType({ description: 'Sobriety figures of one group type, or of all types' })
export class SobrietyFigures {
  @Field(() => GroupType, { nullable: true, description: 'The primary group type; null for the all-types total' })
  groupType!: GroupType | null;

  @Field(() => Int, { description: 'Episodes admitted in the period' })
  episodes!: number;

  @Field(() => EpisodeMean, {
    description: 'Percent days abstinent (0–1): mean over episodes with at least one in-treatment check-in',
  })
  percentDaysAbstinent!: EpisodeMean;

  @Field(() => EpisodeMean, {
    description: 'Mean of PDA − baseline PDA (1 − baseline_days_used ÷ 30) over episodes that have both',
  })
  pdaChangeFromBaseline!: EpisodeMean;

  @Field(() => [AbstinenceMilestone], { description: 'Abstinence at 30, 60 and 90 days' })
  abstinence!: AbstinenceMilestone[];

  @Field(() => [CravingWeek], { description: 'Weeks 0 to 12 since admission, every week listed' })
  cravingTrend!: CravingWeek[];
}

@ObjectType({ description: 'Sobriety outcomes of the episodes admitted in the period (METRICS.md, Sobriety)' })
export class SobrietyReport {
  @Field(() => EpisodeScopeInfo)
  scope!: EpisodeScopeInfo;

  @Field(() => SobrietyFigures, { description: 'All group types, including episodes with no primary type' })
  total!: SobrietyFigures;

  @Field(() => [SobrietyFigures], { description: 'One entry per group type of the filter' })
  byGroupType!: SobrietyFigures[];
}

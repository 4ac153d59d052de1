import { Field, Float, GraphQLISODateTime, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';
import { OutcomeLogRank, OutcomeSurvivalPoint } from '../outcome-report/outcome-report.model';
import { protectionRuleText } from './release-methods';
import type { Release as ServedRelease } from './release-row';

@ObjectType({ description: 'One figure of a release, as a funder holds it (docs/METRICS.md, "Privacy")' })
export class ReleaseFigure {
  @Field() section!: string;
  @Field() measure!: string;
  @Field() label!: string;
  @Field({ description: 'count, proportion, mean, days or survival' }) unit!: string;
  @Field(() => GroupType, { nullable: true, description: 'null: all group types' }) groupType!: GroupType | null;
  @Field({ description: "current, or previous (the previous release's published figure)" }) period!: string;
  @Field(() => Float, { nullable: true, description: 'Counts rounded to 5; rates whole percentages' })
  value!: number | null;
  @Field(() => Float, { nullable: true }) lower!: number | null;
  @Field(() => Float, { nullable: true }) upper!: number | null;
  @Field(() => Int, { nullable: true, description: 'The count behind the figure, rounded to 5' }) n!: number | null;
  @Field() suppressed!: boolean;
  @Field(() => String, { nullable: true, description: 'small, complement or cohort; null when shown' })
  hiddenBecause!: string | null;
}

@ObjectType({ description: "A draft's exact figure, for the reviewer only (never a funder's)" })
export class ReleaseExactFigure {
  @Field() measure!: string;
  @Field(() => GroupType, { nullable: true }) groupType!: GroupType | null;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Int) n!: number;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => String, { nullable: true }) hiddenBecause!: string | null;
}

@ObjectType()
export class ReleasePeriod {
  @Field({ description: 'month, quarter, half or year' }) kind!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field({ description: 'e.g. Q2 2026' }) name!: string;
}

@ObjectType()
export class ReleaseCurve {
  @Field(() => GroupType, { nullable: true }) groupType!: GroupType | null;
  @Field(() => [OutcomeSurvivalPoint], { description: 'Points with at least the threshold at risk' })
  points!: OutcomeSurvivalPoint[];
}

@ObjectType({ description: 'A funder release: the protected outcome report of one calendar period' })
export class Release {
  @Field(() => Int) releaseId!: number;
  @Field({ description: 'draft or published' }) status!: string;
  @Field(() => Int, { nullable: true, description: '1, then one more for each correction' }) version!: number | null;
  @Field(() => ReleasePeriod) period!: ReleasePeriod;
  @Field(() => ReleasePeriod) previousPeriod!: ReleasePeriod;
  @Field(() => Int, { nullable: true, description: 'The release whose figures are the previous-period column' })
  previousReleaseId!: number | null;
  @Field(() => [String], { nullable: true, description: 'null: every site' }) siteIds!: string[] | null;
  @Field() asOf!: string;
  @Field(() => String, { nullable: true }) dataLoadedAt!: string | null;
  @Field() dataVersion!: string;
  @Field() methodVersion!: string;
  @Field(() => Int) threshold!: number;
  @Field(() => Int) roundingBase!: number;
  @Field({ description: 'The protection rule in plain words' }) protectionRule!: string;
  @Field(() => String, { nullable: true }) changeNote!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => [ReleaseFigure]) figures!: ReleaseFigure[];
  @Field(() => [ReleaseCurve]) survivalCurves!: ReleaseCurve[];
  @Field(() => OutcomeLogRank, { nullable: true }) logRank!: OutcomeLogRank | null;
  @Field(() => [ReleaseExactFigure], { nullable: true, description: 'Drafts only, never for funders' })
  exactFigures!: ReleaseExactFigure[] | null;
}

@InputType()
export class OpenReleaseDraftInput {
  @Field({ description: 'month, quarter, half or year' }) periodKind!: string;
  @Field({ description: 'First day of the period, YYYY-MM-DD (a quarter starts 1 Jan, 1 Apr, 1 Jul or 1 Oct)' })
  from!: string;
  @Field(() => [String], { nullable: true, description: 'The sites; none: every site (or all of yours)' })
  siteIds?: string[] | null;
}

export function toReleaseModel(r: ServedRelease): Release {
  const c = r.content;
  return {
    releaseId: r.releaseId,
    status: r.status,
    version: r.version,
    period: c.period,
    previousPeriod: c.previousPeriod,
    previousReleaseId: c.previousRelease?.releaseId ?? null,
    siteIds: c.siteIds,
    asOf: c.asOf,
    dataLoadedAt: c.dataLoadedAt,
    dataVersion: r.dataVersion,
    methodVersion: r.methodVersion,
    threshold: c.threshold,
    roundingBase: c.roundingBase,
    protectionRule: protectionRuleText(c.threshold, c.roundingBase),
    changeNote: r.changeNote,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
    figures: c.figures as ReleaseFigure[],
    survivalCurves: c.survivalCurves as ReleaseCurve[],
    logRank: c.logRank,
    exactFigures: r.exactFigures as ReleaseExactFigure[] | null,
  };
}

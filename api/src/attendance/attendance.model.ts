import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';
import { SessionProportion, SessionScopeInfo } from '../sessions-scope';

@ObjectType({ description: 'Attendance row counts and rates of one cell (METRICS.md, Attendance)' })
export class AttendanceFigures {
  @Field(() => Int, { description: 'Scheduled: every attendance row (the roster), any status' })
  scheduled!: number;

  @Field(() => Int, { description: 'Attended rows: present + late + left_early' })
  attended!: number;

  @Field(() => Int)
  present!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Int)
  leftEarly!: number;

  @Field(() => Int, { description: 'No-shows (absent, not excused)' })
  absent!: number;

  @Field(() => Int)
  excused!: number;

  @Field(() => Int, { description: 'scheduled − excused: the denominator of both rates' })
  nonExcused!: number;

  @Field(() => SessionProportion, { description: 'attended ÷ (scheduled − excused)' })
  attendanceRate!: SessionProportion;

  @Field(() => SessionProportion, { description: 'absent ÷ (scheduled − excused)' })
  noShowRate!: SessionProportion;
}

@ObjectType({ description: 'Attendance of the rows of one group type' })
export class AttendanceByGroupType {
  @Field(() => GroupType)
  groupType!: GroupType;

  @Field(() => AttendanceFigures)
  figures!: AttendanceFigures;
}

@ObjectType({ description: 'Attendance in one ISO week (Monday to Sunday)' })
export class AttendanceWeek {
  @Field({ description: 'Monday of the ISO week (YYYY-MM-DD)' })
  weekStart!: string;

  @Field({ description: 'ISO week label, e.g. 2025-W01 (the week of Monday 2024-12-30)' })
  isoWeek!: string;

  @Field({ description: "Cut by the period's first or last day or by as_of: some of its days are not counted" })
  partial!: boolean;

  @Field(() => AttendanceFigures, { description: 'All group types in scope' })
  total!: AttendanceFigures;

  @Field(() => [AttendanceByGroupType], { description: 'Every group type in scope, zero counts included' })
  byGroupType!: AttendanceByGroupType[];
}

@ObjectType({ description: 'Attendance at one site (all group types in scope)' })
export class AttendanceBySite {
  @Field()
  siteId!: string;

  @Field()
  siteName!: string;

  @Field(() => AttendanceFigures)
  figures!: AttendanceFigures;
}

@ObjectType({ description: 'Attendance of one therapy group' })
export class AttendanceByGroup {
  @Field()
  groupId!: string;

  @Field()
  groupName!: string;

  @Field(() => GroupType)
  groupType!: GroupType;

  @Field()
  siteId!: string;

  @Field(() => AttendanceFigures)
  figures!: AttendanceFigures;
}

@ObjectType({ description: 'Attendance and no-show rates of the rows in scope, with every breakdown' })
export class AttendanceReport {
  @Field(() => SessionScopeInfo)
  scope!: SessionScopeInfo;

  @Field(() => AttendanceFigures, { description: 'All rows in scope' })
  total!: AttendanceFigures;

  @Field(() => [AttendanceByGroupType], { description: 'Every group type in scope, zero counts included' })
  byGroupType!: AttendanceByGroupType[];

  @Field(() => [AttendanceWeek], { description: 'ISO weeks that have rows in scope, oldest first' })
  byWeek!: AttendanceWeek[];

  @Field(() => [AttendanceBySite], { description: 'Sites that have rows in scope, by site id' })
  bySite!: AttendanceBySite[];

  @Field(() => [AttendanceByGroup], { description: 'Groups that have rows in scope, by group id' })
  byGroup!: AttendanceByGroup[];
}

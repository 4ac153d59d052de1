import { Args, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../graphql/selected-fields';
import { MetricsFilter } from '../filters';
import { AttendanceReport } from './attendance.model';
import { AttendanceService } from './attendance.service';
import { IntensityReport } from './intensity.model';
import { IntensityService } from './intensity.service';
import { SessionAccountabilityReport } from './session-accountability.model';
import { SessionAccountabilityService } from './session-accountability.service';
import { CachedFigures } from '../figure-cache';

const FILTER = { name: 'filter', type: () => MetricsFilter, nullable: true } as const;

@Resolver()
export class AttendanceResolver {
  constructor(
    private readonly attendanceService: AttendanceService,
    private readonly intensityService: IntensityService,
    private readonly accountabilityService: SessionAccountabilityService,
  ) {}

  @CachedFigures()
  @Query(() => AttendanceReport, {
    description:
      'Attendance and no-show rates of the session rows in scope: total, by group type, per ISO week, per site and per group',
  })
  attendance(@Info() info: GraphQLResolveInfo, @Args(FILTER) filter?: MetricsFilter): Promise<AttendanceReport> {
    return this.attendanceService.attendance(filter, { byGroup: selectsField(info, 'byGroup') });
  }

  @CachedFigures()
  @Query(() => IntensityReport, {
    description: 'ASAM 2.1 intensity: share of participant-weeks with at least 9 known hours attended',
  })
  attendanceIntensity(@Args(FILTER) filter?: MetricsFilter): Promise<IntensityReport> {
    return this.intensityService.intensity(filter);
  }

  // Three measures, each its own statement, and the scope.
  @CachedFigures({ cost: 4 })
  @Query(() => SessionAccountabilityReport, {
    description: 'Session accountability measures: consistency, feedback participation and re-engagement',
  })
  sessionAccountability(@Args(FILTER) filter?: MetricsFilter): Promise<SessionAccountabilityReport> {
    return this.accountabilityService.accountability(filter);
  }
}

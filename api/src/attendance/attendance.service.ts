import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { metricsReader } from '../episodes';
import { GroupType, MetricsFilter, resolveScope } from '../filters';
import { scopeInfo, TypeWeekRow, typeWeekBreakdown } from '../sessions-scope';
import { attendanceFigures, NO_ROWS, StatusCounts } from './attendance-figures';
import { AttendanceReport } from './attendance.model';
import { readAttendanceRows } from '@iop/metrics';

interface AttendanceRow extends StatusCounts, TypeWeekRow {
  level: 'total' | 'type' | 'week' | 'week_type' | 'site' | 'group';
  siteId: string | null;
  groupId: string | null;
  groupName: string | null;
  groupGroupType: GroupType | null;
  groupSiteId: string | null;
  siteName: string | null;
}

const TYPE_WEEK_LEVELS: AttendanceRow['level'][] = ['total', 'type', 'week', 'week_type'];

@Injectable()
export class AttendanceService {
  constructor(private readonly dataSource: DataSource) {}

  /** `byGroup: false` leaves byGroup empty when the derived tables answer (the caller does not want it). */
  async attendance(filter: MetricsFilter | null | undefined, { byGroup = true } = {}): Promise<AttendanceReport> {
    const scope = await resolveScope(this.dataSource, filter);
    const { run, stamp } = await metricsReader(this.dataSource);
    const rows = await readAttendanceRows<AttendanceRow>(run, stamp, scope, { byGroup });
    const typeWeek = rows.filter((r) => TYPE_WEEK_LEVELS.includes(r.level));
    return {
      scope: scopeInfo(scope),
      ...typeWeekBreakdown(scope, typeWeek, (r) => attendanceFigures(r ?? NO_ROWS)),
      bySite: rows
        .filter((r) => r.level === 'site')
        .map((r) => ({ siteId: r.siteId as string, siteName: r.siteName as string, figures: attendanceFigures(r) })),
      byGroup: rows
        .filter((r) => r.level === 'group')
        .map((r) => ({
          groupId: r.groupId as string,
          groupName: r.groupName as string,
          groupType: r.groupGroupType as GroupType,
          siteId: r.groupSiteId as string,
          figures: attendanceFigures(r),
        })),
    };
  }
}

import { sessionProportion } from '../sessions-scope';
import { AttendanceFigures } from './attendance.model';

export interface StatusCounts {
  scheduled: number | null;
  present: number | null;
  late: number | null;
  leftEarly: number | null;
  absent: number | null;
  excused: number | null;
}

export const NO_ROWS: StatusCounts = { scheduled: 0, present: 0, late: 0, leftEarly: 0, absent: 0, excused: 0 };

/** Rates of METRICS.md, Attendance, from status counts (NULL sums of no rows read as 0). */
export function attendanceFigures(counts: StatusCounts): AttendanceFigures {
  const scheduled = counts.scheduled ?? 0;
  const present = counts.present ?? 0;
  const late = counts.late ?? 0;
  const leftEarly = counts.leftEarly ?? 0;
  const absent = counts.absent ?? 0;
  const excused = counts.excused ?? 0;
  const attended = present + late + leftEarly;
  const nonExcused = scheduled - excused;
  return {
    scheduled,
    attended,
    present,
    late,
    leftEarly,
    absent,
    excused,
    nonExcused,
    attendanceRate: sessionProportion(attended, nonExcused),
    noShowRate: sessionProportion(absent, nonExcused),
  };
}

import { ComingSoon } from '../ComingSoon';

export default function AttendancePage() {
  return (
    <ComingSoon
      query="attendance"
      planned={[
        'Attendance and no-show rates per ISO week, by group type',
        'Intensity met (ASAM 2.1: 9 hours a week)',
        'Consistency, check-in adherence, feedback participation, goal attainment, re-engagement',
      ]}
    />
  );
}

// What test/fixtures/ok stores, table by table, in key order (see testing/database.ts).

// test/fixtures/ok: BOM and CRLF (sites), header names in other spellings plus an unknown column
// (groups), enum aliases, booleans in five spellings and a blank line (participants), both date
// forms and TEDS discharge codes (enrollments), a quoted line break and comma (sessions), and a
// gzip-compressed file (feedback).
export const OK_CONTENTS = {
  site: [
    { site_id: 'S1', site_name: 'Riverside Recovery Center' },
    { site_id: 'S2', site_name: 'Northgate Outpatient Services, Suite 200' },
    { site_id: 'S3', site_name: 'The "Harbor" Clinic' },
  ],
  therapy_group: [
    {
      group_id: 'G1',
      site_id: 'S1',
      group_type: 'skills',
      group_name: 'Tuesday evening DBT skills',
      modality: 'dbt',
      capacity: 12,
    },
    {
      group_id: 'G2',
      site_id: 'S1',
      group_type: 'psychoeducation',
      group_name: 'Monday psychoeducation',
      modality: null,
      capacity: null,
    },
    {
      group_id: 'G3',
      site_id: 'S2',
      group_type: 'process',
      group_name: 'Process group',
      modality: 'twelve_step',
      capacity: 30,
    },
    {
      group_id: 'G4',
      site_id: 'S2',
      group_type: 'trauma_informed',
      group_name: 'Seeking Safety',
      modality: 'cbt',
      capacity: 8,
    },
    { group_id: 'G5', site_id: 'S3', group_type: 'family', group_name: 'Family night', modality: 'other', capacity: 1 },
  ],
  participant: [
    { participant_id: 'P001', birth_year: 1980, gender: 'female', primary_substance: 'alcohol', co_occurring: true },
    { participant_id: 'P002', birth_year: 1975, gender: 'male', primary_substance: 'opioids', co_occurring: false },
    {
      participant_id: 'P003',
      birth_year: null,
      gender: 'nonbinary',
      primary_substance: 'stimulants',
      co_occurring: true,
    },
    { participant_id: 'P004', birth_year: 2001, gender: null, primary_substance: 'cannabis', co_occurring: false },
    { participant_id: 'P005', birth_year: 1990, gender: 'unknown', primary_substance: null, co_occurring: null },
  ],
  enrollment: [
    episode('E1', 'P001', 'S1', '2025-01-06', '2025-03-28', 'completed', '2024-12-30', 20),
    episode('E2', 'P001', 'S1', '2025-04-01', null, null, '2025-03-30', 10),
    episode('E3', 'P002', 'S1', '2025-01-13', '2025-02-10', 'dropped_out', null, null),
    episode('E4', 'P003', 'S2', '2025-01-13', '2025-04-30', 'completed', '2025-01-13', 0),
    episode('E5', 'P004', 'S2', '2025-02-03', '2025-02-03', 'other', null, 30),
    episode('E6', 'P005', 'S3', '2025-01-06', null, null, '2025-01-02', 5),
  ],
  group_session: [
    session('X1', 'G1', '2025-01-14', 90, 'Distress tolerance:\nTIPP skills'),
    session('X2', 'G1', '2025-01-21', 90, null),
    session('X3', 'G2', '2025-01-13', 60, 'Alcohol, the body and the brain'),
    session('X4', 'G3', '2025-02-03', 120, 'Relapse prevention'),
    session('X5', 'G4', '2025-04-15', null, 'Safety planning'),
    session('X6', 'G5', '2025-01-07', 45, 'Family roles'),
  ],
  attendance: [
    attended('X1', 'P001', 'present', 90),
    attended('X1', 'P002', 'late', 75),
    attended('X1', 'P003', 'absent', null),
    attended('X2', 'P001', 'left_early', 45),
    attended('X2', 'P003', 'excused', 0),
    attended('X3', 'P002', 'present', null),
    attended('X4', 'P004', 'present', 120),
    attended('X5', 'P001', 'present', null),
    attended('X5', 'P003', 'absent', 0),
    attended('X6', 'P005', 'present', 45),
  ],
  feedback: [
    rating('X1', 'P001', 10, 9.5, 9, 10),
    rating('X1', 'P002', 8, 7, 7.5, 8),
    rating('X2', 'P001', 6, 5, 4, 5),
    rating('X6', 'P005', 10, 10, 10, 10),
  ],
  sobriety_checkin: [
    checkIn('P001', '2025-01-13', 2, 7, 6.5, false),
    checkIn('P001', '2025-01-20', 0, 7, 3, true),
    checkIn('P002', '2025-01-20', 7, 7, 9, null),
    checkIn('P003', '2025-05-07', 0, 14, null, true),
    checkIn('P005', '2025-01-13', 1, 30, 0, false),
  ],
};

function episode(
  enrollment_id: string,
  participant_id: string,
  site_id: string,
  admission_date: string,
  discharge_date: string | null,
  discharge_reason: string | null,
  assessment_date: string | null,
  baseline_days_used: number | null,
) {
  return {
    enrollment_id,
    participant_id,
    site_id,
    admission_date,
    discharge_date,
    discharge_reason,
    assessment_date,
    baseline_days_used,
  };
}

function session(
  session_id: string,
  group_id: string,
  session_date: string,
  duration: number | null,
  topic: string | null,
) {
  return { session_id, group_id, session_date, duration_minutes: duration, topic };
}

function attended(session_id: string, participant_id: string, status: string, minutes: number | null) {
  return { session_id, participant_id, status, minutes_attended: minutes };
}

function rating(
  session_id: string,
  participant_id: string,
  relationship: number,
  goals: number,
  approach: number,
  overall: number,
) {
  return { session_id, participant_id, relationship, goals_topics: goals, approach, overall };
}

function checkIn(
  participant_id: string,
  report_date: string,
  days_used: number,
  window_days: number,
  craving: number | null,
  goal_met: boolean | null,
) {
  return { participant_id, report_date, days_used, window_days, craving, goal_met };
}

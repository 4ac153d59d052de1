// Codes of the data contract (shared/DATA_CONTRACT.md) and the header of every demo file.

import { ATTENDANCE_STATUS_CODES, DISCHARGE_REASON_CODES, GROUP_TYPE_CODES } from '@iop/metrics';

export const GROUP_TYPES = GROUP_TYPE_CODES;
export type GroupType = (typeof GROUP_TYPES)[number];

export const MODALITIES = ['cbt', 'dbt', 'mindfulness', 'motivational', 'twelve_step', 'other'] as const;
export type Modality = (typeof MODALITIES)[number];

export const GENDERS = ['female', 'male', 'nonbinary', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export const SUBSTANCES = ['alcohol', 'opioids', 'stimulants', 'cannabis', 'sedatives', 'other'] as const;
export type Substance = (typeof SUBSTANCES)[number];

export const DISCHARGE_REASONS = DISCHARGE_REASON_CODES;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];

export const ATTENDANCE_STATUSES = ATTENDANCE_STATUS_CODES;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Column order of each file; the loader accepts any order, this one reads well. */
export const DEMO_FILE_COLUMNS = {
  sites: ['site_id', 'site_name'],
  groups: ['group_id', 'site_id', 'group_type', 'group_name', 'modality', 'capacity'],
  participants: ['participant_id', 'birth_year', 'gender', 'primary_substance', 'co_occurring'],
  enrollments: [
    'enrollment_id',
    'participant_id',
    'site_id',
    'admission_date',
    'discharge_date',
    'discharge_reason',
    'assessment_date',
    'baseline_days_used',
  ],
  sessions: ['session_id', 'group_id', 'session_date', 'duration_minutes', 'topic'],
  attendance: ['session_id', 'participant_id', 'status', 'minutes_attended'],
  feedback: ['session_id', 'participant_id', 'relationship', 'goals_topics', 'approach', 'overall'],
  sobriety: ['participant_id', 'report_date', 'days_used', 'window_days', 'craving', 'goal_met'],
} as const satisfies Record<string, readonly string[]>;

export type DemoFileKind = keyof typeof DEMO_FILE_COLUMNS;

/** In the order the loader applies them, so every file only references keys defined before it. */
export const DEMO_FILE_KINDS: readonly DemoFileKind[] = [
  'sites',
  'groups',
  'participants',
  'enrollments',
  'sessions',
  'attendance',
  'feedback',
  'sobriety',
];

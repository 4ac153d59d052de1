import type { FigureUnit } from '../privacy/suppression';

/** Every measure of the outcome report, in report order, with its plain-words label. */
export const OUTCOME_MEASURES = {
  admissions: { section: 'census', unit: 'count', label: 'Admissions' },
  discharges: { section: 'census', unit: 'count', label: 'Discharges' },
  open_episodes: { section: 'census', unit: 'count', label: 'Open episodes at period end' },
  participants_served: { section: 'census', unit: 'count', label: 'Unique participants served' },
  sessions_held: { section: 'census', unit: 'count', label: 'Group sessions held' },
  episodes: { section: 'retention', unit: 'count', label: 'Episodes admitted (by primary group type)' },
  completion_rate: { section: 'retention', unit: 'proportion', label: 'Completion rate (completed ÷ discharged)' },
  retained_30d: { section: 'retention', unit: 'survival', label: 'Retained at 30 days (Kaplan–Meier)' },
  retained_60d: { section: 'retention', unit: 'survival', label: 'Retained at 60 days (Kaplan–Meier)' },
  retained_90d: { section: 'retention', unit: 'survival', label: 'Retained at 90 days (Kaplan–Meier)' },
  median_days_to_dropout: { section: 'retention', unit: 'days', label: 'Median days to dropout' },
  attendance_rate: {
    section: 'attendance',
    unit: 'proportion',
    label: 'Attendance rate (attended ÷ scheduled, excused left out)',
  },
  intensity_met: { section: 'attendance', unit: 'proportion', label: 'Weeks meeting ASAM 2.1 intensity (9+ hours)' },
  abstinent_30d_responders: {
    section: 'sobriety',
    unit: 'proportion',
    label: 'Abstinent at 30 days, of those who reported',
  },
  abstinent_30d_itt: { section: 'sobriety', unit: 'proportion', label: 'Abstinent at 30 days, intent-to-treat' },
  abstinent_90d_responders: {
    section: 'sobriety',
    unit: 'proportion',
    label: 'Abstinent at 90 days, of those who reported',
  },
  abstinent_90d_itt: { section: 'sobriety', unit: 'proportion', label: 'Abstinent at 90 days, intent-to-treat' },
  pda_change: { section: 'sobriety', unit: 'mean', label: 'Change in percent days abstinent from baseline' },
  alliance_mean: { section: 'feedback', unit: 'mean', label: 'Mean session rating (0–40)' },
  alliance_flag_rate: { section: 'feedback', unit: 'proportion', label: 'Sessions rated 36 or lower' },
} as const satisfies Record<string, { section: string; unit: FigureUnit; label: string }>;

export type OutcomeMeasure = keyof typeof OUTCOME_MEASURES;

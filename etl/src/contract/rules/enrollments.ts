import { DISCHARGE_REASONS, type DischargeReason } from '../vocabularies';
import { date, integer, key, optional, required } from './columns';
import type { KindRules, PartialRow, RowProblems } from './types';

/** One treatment episode in the IOP. */
export type EnrollmentRow = {
  enrollment_id: string;
  participant_id: string;
  site_id: string;
  admission_date: string;
  discharge_date: string | null;
  discharge_reason: DischargeReason | null;
  assessment_date: string | null;
  baseline_days_used: number | null;
};

// Dates are ISO strings here, so string comparison is date comparison.
function checkEpisode(row: PartialRow<EnrollmentRow>, problems: RowProblems<EnrollmentRow>): void {
  const { admission_date, discharge_date, discharge_reason, assessment_date } = row;
  if (admission_date !== null && discharge_date !== null && discharge_date < admission_date) {
    problems.add(
      'discharge_date',
      'discharge_date is before admission_date',
      `discharge_date ${discharge_date}, admission_date ${admission_date}`,
    );
  }
  if (admission_date !== null && assessment_date !== null && assessment_date > admission_date) {
    problems.add(
      'assessment_date',
      'assessment_date is after admission_date',
      `assessment_date ${assessment_date}, admission_date ${admission_date}`,
    );
  }
  // A discharge_date that could not be read says nothing about whether the episode ended.
  if (problems.isInvalid('discharge_date')) return;
  if (discharge_date !== null && discharge_reason === null && !problems.isInvalid('discharge_reason')) {
    problems.add(
      'discharge_reason',
      'discharge_reason is required when discharge_date is set',
      `discharge_date ${discharge_date}`,
    );
  }
  if (discharge_date === null && discharge_reason !== null) {
    problems.add(
      'discharge_reason',
      'discharge_reason is given but discharge_date is empty; an episode that is still open has no discharge reason',
      `discharge_reason ${discharge_reason}`,
    );
  }
}

export const ENROLLMENT_RULES: KindRules<EnrollmentRow> = {
  columns: {
    enrollment_id: required(key),
    participant_id: required(key),
    site_id: required(key),
    admission_date: required(date),
    discharge_date: optional(date),
    discharge_reason: optional(DISCHARGE_REASONS.parse),
    assessment_date: optional(date),
    baseline_days_used: optional(integer(0, 30)),
  },
  check: checkEpisode,
};

// The contract's enumerations, with the aliases it lists.
//
// One addition the contract does not list: "non-binary" for `nonbinary`. It is the usual spelling,
// unambiguous, and separator normalisation cannot reach it because the code has no separator.
// Aliases that would need judgement ("F", "12-step", "opioid") are not guessed.

import { ATTENDANCE_STATUS_CODES, DISCHARGE_REASON_CODES, GROUP_TYPE_CODES } from '@iop/metrics';
import { createEnumParser, type EnumCode } from './enums';

export const GROUP_TYPES = createEnumParser({
  codes: GROUP_TYPE_CODES,
  aliases: {
    psychoeducational: 'psychoeducation',
    education: 'psychoeducation',
    'skills-based': 'skills',
    'coping skills': 'skills',
    'process group': 'process',
    'trauma-informed': 'trauma_informed',
    trauma: 'trauma_informed',
    'family therapy': 'family',
  },
});
export type GroupType = EnumCode<typeof GROUP_TYPES>;

export const MODALITIES = createEnumParser({
  codes: ['cbt', 'dbt', 'mindfulness', 'motivational', 'twelve_step', 'other'] as const,
});
export type Modality = EnumCode<typeof MODALITIES>;

export const GENDERS = createEnumParser({
  codes: ['female', 'male', 'nonbinary', 'other', 'unknown'] as const,
  aliases: { 'non-binary': 'nonbinary' },
});
export type Gender = EnumCode<typeof GENDERS>;

export const SUBSTANCES = createEnumParser({
  codes: ['alcohol', 'opioids', 'stimulants', 'cannabis', 'sedatives', 'other'] as const,
});
export type Substance = EnumCode<typeof SUBSTANCES>;

export const DISCHARGE_REASONS = createEnumParser({
  codes: DISCHARGE_REASON_CODES,
  // TEDS reason-for-discharge codes 1-7, in the contract's order.
  aliases: Object.fromEntries(DISCHARGE_REASON_CODES.map((code, i) => [String(i + 1), code])),
  acceptedNote: '(or a TEDS code 1-7)',
});
export type DischargeReason = EnumCode<typeof DISCHARGE_REASONS>;

export const ATTENDANCE_STATUSES = createEnumParser({
  codes: ATTENDANCE_STATUS_CODES,
});
export type AttendanceStatus = EnumCode<typeof ATTENDANCE_STATUSES>;

/** Statuses under which the participant was in the room for at least part of the session. */
export const ATTENDED_STATUSES: ReadonlySet<AttendanceStatus> = new Set(['present', 'late', 'left_early']);

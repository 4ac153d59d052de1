// Suggestions for a file no profile maps yet: the target file, a contract column for each source
// column (by its name, known aliases from behavioral-health EHR exports, and the values seen), a
// value map for coded columns and a date format. Only suggestions: the director confirms them on
// the mapping screen. Direct identifiers are recognised and never suggested (nor shown).

import { FILE_KINDS, compactColumnName, directIdentifierOf, normaliseEnumSpelling } from '../contract';
import { dateFormatsFitting } from './dates';
import type { DateFormat, FileMappingInput } from './profile';
import { ATTENDANCE_REPORT, DATE_COLUMNS, type Target, requiredTargetColumns, targetColumns } from './targets';
import { CODED_COLUMNS, acceptedAsWritten } from './values';

/** Names EHR exports use for contract columns, compared in compact form (letters and digits). */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  participant_id: [
    'client_id',
    'clientid',
    'client',
    'patient_id',
    'patient',
    'mrn',
    'member_id',
    'client_number',
    'person_id',
    'participant',
    'consumer_id',
  ],
  site_id: ['location_id', 'facility_id', 'site_code', 'location_code', 'program_id', 'clinic_id'],
  site_name: ['site', 'location', 'facility', 'location_name', 'facility_name', 'clinic', 'program_location'],
  group_id: ['group_code', 'group_number', 'group_no'],
  group_name: ['group', 'group_title', 'class_name', 'group_description'],
  group_type: ['type', 'group_category', 'category', 'service_type', 'group_kind'],
  session_id: ['event_id', 'service_id', 'session_number', 'appointment_id', 'encounter_id', 'session'],
  session_date: ['date_of_service', 'dos', 'service_date', 'event_date', 'date', 'session_dt', 'group_date'],
  session_time: ['start_time', 'time', 'service_time', 'session_start'],
  duration_minutes: ['duration', 'length', 'scheduled_minutes', 'session_length', 'length_minutes'],
  status: ['attendance', 'attendance_status', 'show_status', 'visit_status', 'attended', 'attendance_code'],
  minutes_attended: ['minutes', 'minutes_present', 'time_attended', 'attended_minutes'],
  enrollment_id: ['episode_id', 'admission_id', 'episode_number', 'case_id', 'episode'],
  admission_date: ['admit_date', 'admission', 'intake_date', 'episode_start', 'admit_dt', 'start_date'],
  discharge_date: ['discharge', 'discharge_dt', 'episode_end', 'end_date'],
  discharge_reason: ['discharge_type', 'reason_for_discharge', 'disposition', 'discharge_status', 'reason'],
  assessment_date: ['assess_date', 'asam_date', 'eval_date', 'assessment'],
  baseline_days_used: ['days_used_30', 'days_used_prior_30', 'baseline_use_days', 'use_days_30'],
  birth_year: ['year_of_birth', 'yob', 'birthyear'],
  gender: ['sex', 'gender_identity'],
  primary_substance: ['substance', 'primary_drug', 'drug_of_choice', 'primary_substance_of_use'],
  co_occurring: ['dual_diagnosis', 'cooccurring', 'mh_diagnosis', 'cod', 'co_occurring_disorder'],
  report_date: ['checkin_date', 'check_in_date', 'survey_date'],
  days_used: ['use_days', 'days_of_use', 'days_used_7'],
  window_days: ['window', 'period_days'],
  craving: ['craving_score', 'craving_level'],
  goal_met: ['weekly_goal_met', 'goal'],
  topic: ['session_topic', 'subject', 'title'],
  capacity: ['max_size', 'max_participants'],
};

/** Local codes seen in exports, for the value map suggestions (compared in the contract's spelling). */
const LOCAL_CODES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: {
    p: 'present',
    a: 'absent',
    e: 'excused',
    l: 'late',
    x: 'excused',
    le: 'left_early',
    ns: 'absent',
    no_show: 'absent',
    noshow: 'absent',
    tardy: 'late',
    unexcused: 'absent',
    attended: 'present',
    show: 'present',
    cancelled: 'excused',
  },
  gender: { f: 'female', m: 'male', nb: 'nonbinary', o: 'other', u: 'unknown', woman: 'female', man: 'male' },
  primary_substance: {
    etoh: 'alcohol',
    opi: 'opioids',
    opiates: 'opioids',
    opioid: 'opioids',
    heroin: 'opioids',
    stim: 'stimulants',
    meth: 'stimulants',
    methamphetamine: 'stimulants',
    cocaine: 'stimulants',
    thc: 'cannabis',
    marijuana: 'cannabis',
    benzo: 'sedatives',
    benzodiazepines: 'sedatives',
    oth: 'other',
  },
  discharge_reason: {
    successful_completion: 'completed',
    completed_treatment: 'completed',
    complete: 'completed',
    ama: 'dropped_out',
    against_medical_advice: 'dropped_out',
    left_against_advice: 'dropped_out',
    dropout: 'dropped_out',
    administrative: 'terminated',
    administrative_discharge: 'terminated',
    referred: 'transferred',
    transfer: 'transferred',
    jail: 'incarcerated',
    deceased: 'died',
    death: 'died',
  },
};
const GROUP_TYPE_WORDS: readonly [RegExp, string][] = [
  [/trauma|seeking safety/i, 'trauma_informed'],
  [/famil/i, 'family'],
  [/skill|dbt|coping/i, 'skills'],
  [/educat|psycho.?ed|relapse prevention/i, 'psychoeducation'],
  [/process/i, 'process'],
];

export interface SourceColumn {
  name: string;
  /** A few values seen in it (empty for a direct-identifier column: those are never shown). */
  samples: string[];
}

export interface ColumnSuggestion {
  source: string;
  /** The suggested contract column, or null to leave it out. */
  target: string | null;
  /** The direct identifier the column's name is, if any: never mapped, samples withheld. */
  identifier: string | null;
}

function nameScore(source: string, column: string): number {
  const name = compactColumnName(source);
  const names = [column, ...(ALIASES[column] ?? [])].map(compactColumnName);
  if (names.includes(name)) return 3;
  if (names.some((alias) => alias.length >= 4 && name.includes(alias))) return 1;
  return 0;
}

function looksLikeStatus(samples: readonly string[]): boolean {
  const filled = samples.filter((s) => s.trim() !== '');
  return filled.length > 0 && filled.every((s) => suggestedCode('status', s) !== null);
}

function valueScore(column: string, samples: readonly string[]): number {
  const filled = samples.filter((s) => s.trim() !== '');
  if (filled.length === 0) return 0;
  if (DATE_COLUMNS.has(column) || column === 'session_date') return dateFormatsFitting(filled).length > 0 ? 1 : -2;
  if (column === 'status') return looksLikeStatus(filled) ? 2 : -2;
  if (column in CODED_COLUMNS) return filled.every((s) => suggestedCode(column, s) !== null) ? 1 : 0;
  return 0;
}

/** The contract code a value most likely means, or null. */
export function suggestedCode(column: string, value: string): string | null {
  const text = value.trim();
  if (text === '') return null;
  if (acceptedAsWritten(column, text) && column in CODED_COLUMNS) {
    const parsed = CODED_COLUMNS[column]!.parse(text);
    return parsed.error === undefined ? String(parsed.value) : null;
  }
  const spelled = normaliseEnumSpelling(text);
  const local = LOCAL_CODES[column]?.[spelled] ?? LOCAL_CODES[column]?.[spelled.replaceAll('_', '')];
  if (local !== undefined) return local;
  if (column === 'group_type') return GROUP_TYPE_WORDS.find(([words]) => words.test(text))?.[1] ?? null;
  return null;
}

/** For each source column, the best column of the target (each target column used once). */
export function suggestColumns(target: Target, sources: readonly SourceColumn[]): ColumnSuggestion[] {
  const candidates: { source: number; column: string; score: number }[] = [];
  sources.forEach((source, i) => {
    if (directIdentifierOf(source.name) !== null) return;
    for (const column of targetColumns(target)) {
      const byName = nameScore(source.name, column);
      if (byName === 0 && !(column === 'status' && looksLikeStatus(source.samples))) continue;
      const score = byName + valueScore(column, source.samples);
      if (score > 0) candidates.push({ source: i, column, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.source - b.source);
  const bySource = new Map<number, string>();
  const used = new Set<string>();
  for (const c of candidates) {
    if (bySource.has(c.source) || used.has(c.column)) continue;
    bySource.set(c.source, c.column);
    used.add(c.column);
  }
  return sources.map((source, i) => ({
    source: source.name,
    target: bySource.get(i) ?? null,
    identifier: directIdentifierOf(source.name),
  }));
}

/** The target whose required columns the suggestions fill best (a report needs group and session in the row). */
export function suggestTarget(sources: readonly SourceColumn[], fileName = ''): Target {
  const byName = FILE_KINDS.find((kind) => compactColumnName(fileName).includes(kind));
  const targets: Target[] = [...FILE_KINDS, ATTENDANCE_REPORT];
  let best: { target: Target; score: number } = { target: byName ?? 'attendance', score: -Infinity };
  for (const target of targets) {
    const mapped = new Set(
      suggestColumns(target, sources)
        .map((s) => s.target)
        .filter((t) => t !== null),
    );
    const required = requiredTargetColumns(target);
    const filled = required.filter((c) => mapped.has(c)).length;
    // The target that takes most of the file's columns (a report holds an attendance file's
    // columns and more; a ratings file is not a participants file for having a client id), then
    // the one whose required columns are filled, the file's name breaking ties.
    const score =
      mapped.size +
      (filled === required.length ? 0.5 : 0) +
      (filled / required.length) * 0.5 +
      (target === byName ? 0.1 : 0);
    if (score > best.score) best = { target, score };
  }
  return best.target;
}

/** A whole file mapping suggestion: target, columns, value maps for coded columns, date format. */
export function suggestFileMapping(fileName: string, sources: readonly SourceColumn[]): FileMappingInput {
  const target = suggestTarget(sources, fileName);
  const suggestions = suggestColumns(target, sources);
  const columns: Record<string, string> = {};
  const values: Record<string, Record<string, string>> = {};
  const dateSamples: string[] = [];
  suggestions.forEach((s, i) => {
    if (s.target === null) return;
    columns[s.target] = s.source;
    const samples = sources[i]!.samples;
    if (DATE_COLUMNS.has(s.target)) dateSamples.push(...samples);
    if (s.target in CODED_COLUMNS) {
      const map: Record<string, string> = {};
      for (const sample of new Set(samples.map((v) => v.trim()).filter((v) => v !== ''))) {
        if (acceptedAsWritten(s.target, sample) && normaliseEnumSpelling(sample) === suggestedCode(s.target, sample))
          continue;
        const code = suggestedCode(s.target, sample);
        map[sample] = code ?? '';
      }
      if (Object.keys(map).length > 0) values[s.target] = map;
    }
  });
  const formats = dateFormatsFitting(dateSamples);
  const dateFormat: DateFormat = formats[0] ?? 'iso';
  return {
    match: { header: sources.map((s) => s.name), fileName },
    target,
    columns,
    values,
    dateFormat,
  };
}

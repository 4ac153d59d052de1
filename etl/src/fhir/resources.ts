// One FHIR resource → one contract row (or part of one), per docs/FHIR_MAPPING.md §2. Pure: what
// the loader checks (required, ranges, enumerations, "must exist", overlaps) is left to the loader,
// which gets these rows as CSV; here only the FHIR rules of the mapping page are judged.

import { GROUP_TYPES, MODALITIES, SUBSTANCES, type FileKind } from '../contract';
import { EXT } from './column-paths';
import {
  asArray,
  codeIn,
  contractDate,
  extensionOf,
  extensionPath,
  instantOf,
  IOP_CODE_SYSTEM,
  IOP_QUESTIONNAIRE,
  isObject,
  numberText,
  referenceId,
  type Json,
  type Read,
  type RowProblem,
} from './elements';

export type Cells = Record<string, string | undefined>;

export interface MapContext {
  timeZone: string;
  /** Attendance Encounters seen so far: id → the session and patient (feedback may reference one). */
  attendanceEncounters: ReadonlyMap<string, { sessionId: string | undefined; patientId: string | undefined }>;
}

export type Mapped =
  | { type: 'row'; kind: FileKind; cells: Cells; attendanceId?: string }
  /** A baseline Observation: part of its episode's row; its problems reject that episode. */
  | {
      type: 'baseline';
      episodeId: string | undefined;
      patientId: string | undefined;
      cells: Cells;
      problems: RowProblem[];
    }
  | { type: 'rejected'; kind: FileKind | null; problems: RowProblem[] }
  /** Not a contract row: counted into one warning per file and `what`. */
  | { type: 'ignored'; what: string };

const CS = {
  groupType: `${IOP_CODE_SYSTEM}group-type`,
  groupCharacteristic: `${IOP_CODE_SYSTEM}group-characteristic`,
  modality: `${IOP_CODE_SYSTEM}modality`,
  primarySubstance: `${IOP_CODE_SYSTEM}primary-substance`,
  discharge: `${IOP_CODE_SYSTEM}teds-discharge-reason`,
  observation: `${IOP_CODE_SYSTEM}iop-observation`,
  attendance: `${IOP_CODE_SYSTEM}attendance-status`,
  genderIdentity: 'http://hl7.org/fhir/gender-identity',
} as const;

export const QUESTIONNAIRES = { gsrs: `${IOP_QUESTIONNAIRE}gsrs`, checkIn: `${IOP_QUESTIONNAIRE}sobriety-checkin` };

/** Collects the problems of several reads; the row is rejected when any read failed. */
class Reader {
  readonly problems: RowProblem[] = [];
  take<T>(read: Read<T>): T | undefined {
    if (read.ok) return read.value;
    this.problems.push(read.problem);
    return undefined;
  }
  fail(path: string, value: string | null, reason: string): void {
    this.problems.push({ path, value, reason });
  }
  result(kind: FileKind, cells: Cells, extra: { attendanceId?: string } = {}): Mapped {
    return this.problems.length > 0
      ? { type: 'rejected', kind, problems: this.problems }
      : { type: 'row', kind, cells, ...extra };
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A canonical code of a local code system: aliases are a CSV convenience only. */
function canonical(r: Reader, code: string | undefined, codes: readonly string[], path: string): string | undefined {
  if (code !== undefined && !codes.includes(code)) {
    r.fail(path, code, `not a code of the code system (accepted: ${codes.join(', ')})`);
    return undefined;
  }
  return code;
}

function mapOrganization(o: Json): Mapped {
  return new Reader().result('sites', { site_id: str(o.id), site_name: str(o.name) });
}

function mapGroup(g: Json): Mapped {
  const r = new Reader();
  if (g.type !== 'person') r.fail('Group.type', str(g.type) ?? null, 'a program group has type person');
  if (g.actual !== true) r.fail('Group.actual', String(g.actual ?? ''), 'a program group is an actual group');
  const groupType = canonical(r, r.take(codeIn(g.code, CS.groupType, 'Group.code')), GROUP_TYPES.codes, 'Group.code');
  let modality: string | undefined;
  for (const characteristic of asArray(g.characteristic)) {
    if (!isObject(characteristic)) continue;
    const isModality = r.take(codeIn(characteristic.code, CS.groupCharacteristic, 'Group.characteristic.code'));
    if (isModality !== 'modality') continue;
    const path = "Group.characteristic.where(code.coding.code='modality').value";
    if (characteristic.exclude === true) r.fail(`${path}`, null, 'a modality characteristic cannot be excluded');
    modality = canonical(
      r,
      r.take(codeIn(characteristic.valueCodeableConcept, CS.modality, path)),
      MODALITIES.codes,
      path,
    );
  }
  const capacity = r.take(extensionOf(g, EXT.groupCapacity, 'Group'));
  return r.result('groups', {
    group_id: str(g.id),
    site_id: r.take(referenceId(g.managingEntity, 'Group.managingEntity', 'Organization')),
    group_type: groupType,
    group_name: str(g.name),
    modality,
    capacity:
      capacity && r.take(numberText(capacity.valueInteger, `${extensionPath('Group', EXT.groupCapacity)}.value`)),
  });
}

function mapPatient(p: Json): Mapped {
  const r = new Reader();
  let gender = str(p.gender);
  const identity = r.take(extensionOf(p, EXT.genderIdentity, 'Patient'));
  if (identity !== undefined) {
    const path = `${extensionPath('Patient', EXT.genderIdentity)}.value`;
    const code = r.take(codeIn(identity.valueCodeableConcept, CS.genderIdentity, path));
    if (code !== 'non-binary') r.fail(path, code ?? null, 'only the gender identity non-binary is read');
    else if (gender !== 'other')
      r.fail('Patient.gender', gender ?? null, 'a non-binary gender identity goes with gender other');
    else gender = 'nonbinary';
  }
  const substancePath = `${extensionPath('Patient', EXT.primarySubstance)}.value`;
  const substance = r.take(extensionOf(p, EXT.primarySubstance, 'Patient'));
  const coOccurring = r.take(extensionOf(p, EXT.coOccurring, 'Patient'));
  const coOccurringValue = coOccurring?.valueBoolean;
  if (coOccurring !== undefined && typeof coOccurringValue !== 'boolean')
    r.fail(`${extensionPath('Patient', EXT.coOccurring)}.value`, null, 'co-occurring is a valueBoolean');
  return r.result('participants', {
    participant_id: str(p.id),
    birth_year: str(p.birthDate),
    gender,
    primary_substance:
      substance &&
      canonical(
        r,
        r.take(codeIn(substance.valueCodeableConcept, CS.primarySubstance, substancePath)),
        SUBSTANCES.codes,
        substancePath,
      ),
    co_occurring: typeof coOccurringValue === 'boolean' ? String(coOccurringValue) : undefined,
  });
}

const OPEN_EPISODE = new Set(['active', 'onhold']);

function mapEpisode(e: Json, context: MapContext): Mapped {
  const r = new Reader();
  const period = isObject(e.period) ? e.period : {};
  const end = r.take(contractDate(period.end, 'EpisodeOfCare.period.end', context.timeZone));
  const status = str(e.status);
  const statusFits = end === undefined ? OPEN_EPISODE.has(status ?? '') : status === 'finished';
  if (!statusFits)
    r.fail(
      'EpisodeOfCare.status',
      status ?? null,
      'the status must be active or onhold without period.end, finished with period.end',
    );
  const reasonPath = `${extensionPath('EpisodeOfCare', EXT.dischargeReason)}.value`;
  const reason = r.take(extensionOf(e, EXT.dischargeReason, 'EpisodeOfCare'));
  return r.result('enrollments', {
    enrollment_id: str(e.id),
    participant_id: r.take(referenceId(e.patient, 'EpisodeOfCare.patient', 'Patient')),
    site_id: r.take(referenceId(e.managingOrganization, 'EpisodeOfCare.managingOrganization', 'Organization')),
    admission_date: r.take(contractDate(period.start, 'EpisodeOfCare.period.start', context.timeZone)),
    discharge_date: end,
    discharge_reason: reason && r.take(codeIn(reason.valueCodeableConcept, CS.discharge, reasonPath)),
  });
}

const FINAL_OBSERVATION = new Set(['final', 'amended', 'corrected']);

function mapObservation(o: Json, context: MapContext): Mapped {
  const code = codeIn(o.code, CS.observation, 'Observation.code');
  if (!code.ok || code.value !== 'baseline-days-used')
    return { type: 'ignored', what: 'Observations other than the baseline days used' };
  const r = new Reader();
  if (!FINAL_OBSERVATION.has(str(o.status) ?? ''))
    r.fail('Observation.status', str(o.status) ?? null, 'the baseline Observation must be final, amended or corrected');
  const episodeExtension = r.take(extensionOf(o, EXT.episodeOfCare, 'Observation'));
  const episodePath = `${extensionPath('Observation', EXT.episodeOfCare)}.value`;
  const episodeId =
    episodeExtension === undefined
      ? (r.fail(episodePath, null, 'the baseline Observation must name its EpisodeOfCare'), undefined)
      : r.take(referenceId(episodeExtension.valueReference, episodePath, 'EpisodeOfCare'));
  if (o.valueInteger === undefined && Object.keys(o).some((k) => k.startsWith('value')))
    r.fail('Observation.value', null, 'baseline days used is a valueInteger');
  const patientId = r.take(referenceId(o.subject, 'Observation.subject', 'Patient'));
  const cells: Cells = {
    assessment_date: r.take(contractDate(o.effectiveDateTime, 'Observation.effective', context.timeZone)),
    baseline_days_used: r.take(numberText(o.valueInteger, 'Observation.value')),
  };
  return { type: 'baseline', episodeId, patientId, cells, problems: r.problems };
}

/** Encounter.length (or the period's span) in minutes, as text. */
function lengthInMinutes(e: Json, r: Reader): string | undefined {
  const length = e.length;
  if (isObject(length)) {
    const unit = str(length.code) ?? str(length.unit);
    const value = length.value;
    if (typeof value !== 'number')
      return (r.fail('Encounter.length.value', null, 'the length has no value'), undefined);
    if (unit === 'min') return String(value);
    if (unit === 'h') return String(Math.round(value * 60 * 1e6) / 1e6);
    r.fail('Encounter.length.code', unit ?? null, 'the length must be in UCUM min or h');
    return undefined;
  }
  const period = isObject(e.period) ? e.period : {};
  const start = instantOf(period.start);
  const end = instantOf(period.end);
  return start !== undefined && end !== undefined ? String(Math.round((end - start) / 60_000)) : undefined;
}

const NOT_HELD = new Set(['cancelled', 'entered-in-error']);

/** The Encounter.status each attendance-status code goes with. */
const ATTENDANCE_ENCOUNTER_STATUS: Readonly<Record<string, string>> = {
  present: 'finished',
  late: 'finished',
  left_early: 'finished',
  absent: 'cancelled',
  excused: 'cancelled',
};

function mapEncounter(e: Json, context: MapContext): Mapped {
  const subject = isObject(e.subject) ? str(e.subject.reference) : undefined;
  const r = new Reader();
  const period = isObject(e.period) ? e.period : {};
  if (subject?.startsWith('Group/')) {
    if (NOT_HELD.has(str(e.status) ?? '')) r.fail('Encounter.status', str(e.status) ?? null, 'session not held');
    const reason = asArray(e.reasonCode)[0];
    return r.result('sessions', {
      session_id: str(e.id),
      group_id: r.take(referenceId(e.subject, 'Encounter.subject', 'Group')),
      session_date: r.take(contractDate(period.start, 'Encounter.period.start', context.timeZone)),
      duration_minutes: lengthInMinutes(e, r),
      topic: isObject(reason) ? str(reason.text) : undefined,
    });
  }
  // An Encounter part of another is an attendance whatever its subject says (a wrong reference form
  // is then reported); one of a Patient on its own is a visit the contract has no file for.
  if (e.partOf === undefined) {
    return { type: 'ignored', what: 'Encounters that are neither a group session nor an attendance' };
  }
  const statusPath = `${extensionPath('Encounter', EXT.attendanceStatus)}.value`;
  const extension = r.take(extensionOf(e, EXT.attendanceStatus, 'Encounter'));
  let status: string | undefined;
  if (extension === undefined)
    r.fail(statusPath, null, 'an attendance Encounter needs the attendance-status extension');
  else {
    status = r.take(codeIn(extension.valueCoding, CS.attendance, statusPath));
    const expected = status === undefined ? undefined : ATTENDANCE_ENCOUNTER_STATUS[status];
    if (expected === undefined) {
      r.fail(
        statusPath,
        status ?? null,
        `not an attendance-status code (accepted: ${Object.keys(ATTENDANCE_ENCOUNTER_STATUS).join(', ')})`,
      );
    } else if (e.status !== expected) {
      r.fail(
        'Encounter.status',
        str(e.status) ?? null,
        `the attendance status ${status} goes with Encounter.status ${expected}`,
      );
    }
  }
  const sessionId = r.take(referenceId(e.partOf, 'Encounter.partOf', 'Encounter'));
  return r.result(
    'attendance',
    {
      session_id: sessionId,
      participant_id: r.take(referenceId(e.subject, 'Encounter.subject', 'Patient')),
      status,
      minutes_attended: lengthInMinutes(e, r),
    },
    { attendanceId: str(e.id) },
  );
}

const COMPLETED = new Set(['completed', 'amended']);
const ANSWER_TYPES: Readonly<Record<string, readonly string[]>> = {
  relationship: ['valueDecimal', 'valueInteger'],
  goals_topics: ['valueDecimal', 'valueInteger'],
  approach: ['valueDecimal', 'valueInteger'],
  overall: ['valueDecimal', 'valueInteger'],
  days_used: ['valueInteger'],
  window_days: ['valueInteger'],
  craving: ['valueDecimal', 'valueInteger'],
  goal_met: ['valueBoolean'],
};
const FEEDBACK_ITEMS = ['relationship', 'goals_topics', 'approach', 'overall'];
const CHECK_IN_ITEMS = ['days_used', 'window_days', 'craving', 'goal_met'];

/** The answers of the items a questionnaire defines, as contract text; unknown linkIds counted. */
function answers(q: Json, linkIds: readonly string[], r: Reader): { cells: Cells; unknownItems: number } {
  const cells: Cells = {};
  let unknownItems = 0;
  for (const item of asArray(q.item)) {
    if (!isObject(item)) continue;
    const linkId = str(item.linkId) ?? '';
    if (!linkIds.includes(linkId)) {
      unknownItems++;
      continue;
    }
    const path = `QuestionnaireResponse.item.where(linkId='${linkId}').answer.value`;
    const given = asArray(item.answer);
    if (given.length > 1) {
      r.fail(path, null, 'an item has more than one answer');
      continue;
    }
    const answer = given[0];
    if (!isObject(answer)) continue;
    const types = ANSWER_TYPES[linkId] ?? [];
    const type = Object.keys(answer).find((k) => k.startsWith('value'));
    if (type === undefined) continue;
    if (!types.includes(type)) {
      r.fail(path, null, `the answer must be ${types.join(' or ')}`);
      continue;
    }
    const value = answer[type];
    cells[linkId] = typeof value === 'boolean' ? String(value) : r.take(numberText(value, path));
  }
  return { cells, unknownItems };
}

export type QuestionnaireMapped = Mapped & { unknownItems?: number };

function mapQuestionnaireResponse(q: Json, context: MapContext): QuestionnaireMapped {
  const questionnaire = (str(q.questionnaire) ?? '').split('|')[0];
  const kind: FileKind | null =
    questionnaire === QUESTIONNAIRES.gsrs ? 'feedback' : questionnaire === QUESTIONNAIRES.checkIn ? 'sobriety' : null;
  if (kind === null) return { type: 'ignored', what: 'QuestionnaireResponses of other questionnaires' };
  const r = new Reader();
  if (!COMPLETED.has(str(q.status) ?? ''))
    r.fail('QuestionnaireResponse.status', str(q.status) ?? null, 'the response must be completed or amended');
  const participantId = r.take(referenceId(q.subject, 'QuestionnaireResponse.subject', 'Patient'));
  const { cells, unknownItems } = answers(q, kind === 'feedback' ? FEEDBACK_ITEMS : CHECK_IN_ITEMS, r);
  if (kind === 'sobriety') {
    const reportDate = r.take(contractDate(q.authored, 'QuestionnaireResponse.authored', context.timeZone));
    return { ...r.result(kind, { participant_id: participantId, report_date: reportDate, ...cells }), unknownItems };
  }
  let sessionId = r.take(referenceId(q.encounter, 'QuestionnaireResponse.encounter', 'Encounter'));
  const attendance = sessionId === undefined ? undefined : context.attendanceEncounters.get(sessionId);
  if (attendance !== undefined) {
    if (attendance.patientId !== participantId)
      r.fail('QuestionnaireResponse.encounter', sessionId ?? null, "the attendance Encounter is another patient's");
    sessionId = attendance.sessionId;
  }
  return { ...r.result(kind, { session_id: sessionId, participant_id: participantId, ...cells }), unknownItems };
}

/** The contract resource types, and what each maps to. */
export const MAPPERS: Readonly<Record<string, (resource: Json, context: MapContext) => QuestionnaireMapped>> = {
  Organization: mapOrganization,
  Group: mapGroup,
  Patient: mapPatient,
  EpisodeOfCare: mapEpisode,
  Observation: mapObservation,
  Encounter: mapEncounter,
  QuestionnaireResponse: mapQuestionnaireResponse,
};

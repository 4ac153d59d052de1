// Where each contract column lives in FHIR (docs/FHIR_MAPPING.md §2), as the FHIRPath a reject
// names. The loader validates the contract rows made from FHIR and reports rejects by contract
// column; these paths put each reject back on the element it came from (source-map.ts).

import type { FileKind } from '../contract';
import { extensionPath, IOP_EXTENSION } from './elements';

export const EXT = {
  groupCapacity: `${IOP_EXTENSION}group-capacity`,
  primarySubstance: `${IOP_EXTENSION}primary-substance`,
  coOccurring: `${IOP_EXTENSION}co-occurring`,
  dischargeReason: `${IOP_EXTENSION}discharge-reason`,
  attendanceStatus: `${IOP_EXTENSION}attendance-status`,
  genderIdentity: 'http://hl7.org/fhir/StructureDefinition/patient-genderIdentity',
  episodeOfCare: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare',
} as const;

const item = (linkId: string): string => `QuestionnaireResponse.item.where(linkId='${linkId}').answer.value`;

export const COLUMN_PATHS: Readonly<Record<FileKind, Readonly<Record<string, string>>>> = {
  sites: { site_id: 'Organization.id', site_name: 'Organization.name' },
  groups: {
    group_id: 'Group.id',
    site_id: 'Group.managingEntity',
    group_type: 'Group.code',
    group_name: 'Group.name',
    modality: "Group.characteristic.where(code.coding.code='modality').value",
    capacity: `${extensionPath('Group', EXT.groupCapacity)}.value`,
  },
  participants: {
    participant_id: 'Patient.id',
    birth_year: 'Patient.birthDate',
    gender: 'Patient.gender',
    primary_substance: `${extensionPath('Patient', EXT.primarySubstance)}.value`,
    co_occurring: `${extensionPath('Patient', EXT.coOccurring)}.value`,
  },
  enrollments: {
    enrollment_id: 'EpisodeOfCare.id',
    participant_id: 'EpisodeOfCare.patient',
    site_id: 'EpisodeOfCare.managingOrganization',
    admission_date: 'EpisodeOfCare.period.start',
    discharge_date: 'EpisodeOfCare.period.end',
    discharge_reason: `${extensionPath('EpisodeOfCare', EXT.dischargeReason)}.value`,
    assessment_date: 'Observation.effective',
    baseline_days_used: 'Observation.value',
  },
  sessions: {
    session_id: 'Encounter.id',
    group_id: 'Encounter.subject',
    session_date: 'Encounter.period.start',
    duration_minutes: 'Encounter.length',
    topic: 'Encounter.reasonCode.text',
  },
  attendance: {
    session_id: 'Encounter.partOf',
    participant_id: 'Encounter.subject',
    status: `${extensionPath('Encounter', EXT.attendanceStatus)}.value`,
    minutes_attended: 'Encounter.length',
  },
  feedback: {
    session_id: 'QuestionnaireResponse.encounter',
    participant_id: 'QuestionnaireResponse.subject',
    relationship: item('relationship'),
    goals_topics: item('goals_topics'),
    approach: item('approach'),
    overall: item('overall'),
  },
  sobriety: {
    participant_id: 'QuestionnaireResponse.subject',
    report_date: 'QuestionnaireResponse.authored',
    days_used: item('days_used'),
    window_days: item('window_days'),
    craving: item('craving'),
    goal_met: item('goal_met'),
  },
};

/** Columns of an enrollment row read from its baseline Observation, not the EpisodeOfCare. */
export const BASELINE_COLUMNS: ReadonlySet<string> = new Set(['assessment_date', 'baseline_days_used']);

/** The resource type a whole-row reject of each kind names. */
export const RESOURCE_OF_KIND: Readonly<Record<FileKind, string>> = {
  sites: 'Organization',
  groups: 'Group',
  participants: 'Patient',
  enrollments: 'EpisodeOfCare',
  sessions: 'Encounter',
  attendance: 'Encounter',
  feedback: 'QuestionnaireResponse',
  sobriety: 'QuestionnaireResponse',
};

/** The FHIRPath for a loader reject's column (null: the row as a whole; "a,b": several columns). */
export function pathOfColumn(kind: FileKind, column: string | null): string {
  if (column === null) return RESOURCE_OF_KIND[kind];
  return column
    .split(',')
    .map((c) => COLUMN_PATHS[kind][c.trim()] ?? `${RESOURCE_OF_KIND[kind]} (${c.trim()})`)
    .join(', ');
}

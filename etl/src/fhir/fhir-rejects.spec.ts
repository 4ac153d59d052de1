// Rejects of a FHIR load: each names the NDJSON file, the line and the FHIR element, whether the
// FHIR reading refused the resource (structure, identifiers, reference form, codes) or the
// contract's rules did (must exist, ranges, enumerations) after the conversion.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { loadFiles } from '../load/load-files';
import { storedRejects, tableContents, type StoredReject } from '../load/testing/database';
import type { LoadSummary } from '../load/types';

jest.setTimeout(120_000);

const IOP = 'http://example.org/iop/';
const CS = `${IOP}CodeSystem/`;
const SD = `${IOP}StructureDefinition/`;
const AMB = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' };

const site = { resourceType: 'Organization', id: 'S1', name: 'Main' };
const group = (id: string, code: string) => ({
  resourceType: 'Group',
  id,
  type: 'person',
  actual: true,
  name: `Group ${id}`,
  code: { coding: [{ system: `${CS}group-type`, code }] },
  managingEntity: { reference: 'Organization/S1' },
});
const patient = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  id,
  birthDate: '1980',
  gender: 'female',
  ...extra,
});
const episode = (id: string, patientId: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'EpisodeOfCare',
  id,
  status: 'active',
  patient: { reference: `Patient/${patientId}` },
  managingOrganization: { reference: 'Organization/S1' },
  period: { start: '2025-01-06' },
  ...extra,
});
const baseline = (episodeId: string, patientId: string, status: string) => ({
  resourceType: 'Observation',
  status,
  code: { coding: [{ system: `${CS}iop-observation`, code: 'baseline-days-used' }] },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: '2025-01-03',
  valueInteger: 12,
  extension: [
    {
      url: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare',
      valueReference: { reference: `EpisodeOfCare/${episodeId}` },
    },
  ],
});
const session = (id: string, start: string, minutes: number) => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: AMB,
  subject: { reference: 'Group/G1' },
  period: { start },
  length: { value: minutes, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
});
const attendance = (sessionId: string, patientRef: string, status: string, encounterStatus = 'finished') => ({
  resourceType: 'Encounter',
  status: encounterStatus,
  class: AMB,
  subject: { reference: patientRef },
  partOf: { reference: `Encounter/${sessionId}` },
  extension: [{ url: `${SD}attendance-status`, valueCoding: { system: `${CS}attendance-status`, code: status } }],
});

const feedback = (encounter: string, patientId: string, overall: number) => ({
  resourceType: 'QuestionnaireResponse',
  questionnaire: `${IOP}Questionnaire/gsrs|1.0`,
  status: 'completed',
  subject: { reference: `Patient/${patientId}` },
  encounter: { reference: encounter },
  item: ['relationship', 'goals_topics', 'approach', 'overall'].map((linkId) => ({
    linkId,
    answer: [{ valueDecimal: linkId === 'overall' ? overall : 9 }],
  })),
});
const checkIn = (patientId: string, authored: string, daysUsed: Record<string, unknown>) => ({
  resourceType: 'QuestionnaireResponse',
  questionnaire: `${IOP}Questionnaire/sobriety-checkin`,
  status: 'completed',
  subject: { reference: `Patient/${patientId}` },
  authored,
  item: [
    { linkId: 'days_used', answer: [daysUsed] },
    { linkId: 'mood', answer: [{ valueInteger: 3 }] },
  ],
});

/** NDJSON of the resources; a string is written as the line itself. */
const ndjson = (lines: unknown[]): string =>
  lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

const FILES: Record<string, unknown[]> = {
  'Organization.ndjson': [site],
  'Group.ndjson': [
    group('G1', 'skills'), // 1
    group('G2', 'skills-based'), // 2: an alias, not a canonical code
  ],
  'Patient.ndjson': [
    patient('P1'), // 1
    patient('P2', { name: [{ family: 'Doe' }] }), // 2: a direct identifier
    patient('P3', { birthDate: '1980-04-02' }), // 3: a birth date finer than the year
    patient('P4', {
      meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2' }] },
    }), // 4
    '', // 5: blank, counted
    'not json at all', // 6
  ],
  'EpisodeOfCare.ndjson': [
    episode('E1', 'P1'), // 1
    episode('E9', 'P9'), // 2: an unknown patient
    episode('E3', 'P1', {
      status: 'finished',
      period: { start: '2024-01-02', end: '2024-02-01' },
      extension: [
        {
          url: `${SD}discharge-reason`,
          valueCodeableConcept: { coding: [{ system: `${CS}teds-discharge-reason`, code: '9' }] },
        },
      ],
    }), // 3: TEDS code 9 does not exist
    episode('E4', 'P1', { status: 'planned', period: { start: '2023-01-02' } }), // 4: planned
  ],
  'Observation.ndjson': [
    baseline('E1', 'P1', 'final'), // 1
    baseline('E4', 'P1', 'preliminary'), // 2: rejects episode E4
    baseline('E77', 'P1', 'final'), // 3: no episode E77 in this load
  ],
  'Encounter.ndjson': [
    session('T1', '2025-01-07', 90), // 1
    session('T2', '2025-13-45', 90), // 2: not a date (structure)
    session('T3', '2025-01-09', 5), // 3: 5 minutes, below the contract's 15
    { ...attendance('T1', 'Patient/P1', 'present'), id: 'A1' }, // 4
    attendance('T1', 'Patient/P2', 'present'), // 5: P2 was refused: must exist
    attendance('T1', 'https://ehr.example.org/fhir/Patient/P1', 'present'), // 6: absolute reference
    attendance('T1', 'Patient/P1', 'no_show', 'cancelled'), // 7: unknown attendance code
    attendance('T1', 'Patient/P1', 'absent', 'finished'), // 8: absent with a finished Encounter
  ],
  'QuestionnaireResponse.ndjson': [
    feedback('Encounter/A1', 'P1', 8), // 1: through the attendance Encounter: feedback on T1
    feedback('Encounter/A1', 'P5', 8), // 2: P5 rates through P1's attendance
    feedback('Encounter/T1', 'P1', 8.45), // 3: two decimals (the contract allows one)
    checkIn('P1', '2025-01-10T23:30:00-06:00', { valueInteger: 1 }), // 4: the 11th in UTC
    checkIn('P1', '2025-01-12', { valueString: 'one' }), // 5: an answer of the wrong type
    { ...checkIn('P1', '2025-01-13', { valueInteger: 0 }), status: 'in-progress' }, // 6: not completed
  ],
};

let dir: string;
let db: TestDatabase;
let summary: LoadSummary;
let rejects: StoredReject[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-fhir-rejects-'));
  for (const [name, lines] of Object.entries(FILES)) await writeFile(path.join(dir, name), ndjson(lines));
  db = await createTestDatabase();
  summary = await loadFiles(db.url, [dir]);
  rejects = await storedRejects(db.url, summary.loadId!);
});

afterAll(async () => {
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const at = (file: string, line: number): StoredReject[] => rejects.filter((r) => r.file === file && r.line === line);

describe('a FHIR export with bad resources', () => {
  it('loads the good ones and says partial', async () => {
    expect(summary.status).toBe('partial');
    const tables = await tableContents(db.url);
    expect(tables.participant!.map((p) => p.participant_id)).toEqual(['P1']);
    expect(tables.enrollment!.map((e) => [e.enrollment_id, e.baseline_days_used])).toEqual([['E1', 12]]);
    expect(tables.group_session!.map((s) => s.session_id)).toEqual(['T1']);
    expect(tables.attendance!.map((a) => [a.session_id, a.participant_id, a.status])).toEqual([
      ['T1', 'P1', 'present'],
    ]);
  });

  it('refuses a Patient with a direct identifier, naming the element but never its value', () => {
    expect(at('Patient.ndjson', 2)).toEqual([
      expect.objectContaining({
        column: 'Patient.name',
        value: null,
        reason: expect.stringMatching(/^direct identifier/),
      }),
    ]);
    expect(at('Patient.ndjson', 3)).toEqual([expect.objectContaining({ column: 'Patient.birthDate', value: null })]);
    expect(JSON.stringify(rejects)).not.toContain('Doe');
    expect(JSON.stringify(rejects)).not.toContain('1980-04-02');
    expect(summary.warnings).toEqual(
      expect.arrayContaining(['Patient.ndjson: 2 Patients refused for carrying a direct identifier']),
    );
  });

  it('rejects a resource that is not valid R4 at the element at fault', () => {
    expect(at('Encounter.ndjson', 2)).toEqual([
      expect.objectContaining({ column: 'Encounter.period.start', reason: 'not a valid FHIR R4 resource' }),
    ]);
  });

  it('rejects a Part 2 labelled resource without consent, and an unreadable line', () => {
    expect(at('Patient.ndjson', 4)).toEqual([
      expect.objectContaining({ column: 'Patient.meta.security', reason: 'Part 2 labelled, no consent configured' }),
    ]);
    expect(at('Patient.ndjson', 6)).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^unreadable line/) }),
    ]);
  });

  it('puts the contract rules onto the FHIR elements: unknown references, ranges, codes', () => {
    // Must exist (the loader's check), reported on the reference element of the NDJSON line.
    expect(at('EpisodeOfCare.ndjson', 2).map((r) => [r.column, r.value])).toEqual([['EpisodeOfCare.patient', 'P9']]);
    expect(at('Encounter.ndjson', 5).map((r) => r.column)).toEqual(['Encounter.subject']);
    expect(at('Encounter.ndjson', 3).map((r) => [r.column, r.value])).toEqual([['Encounter.length', '5']]);
    expect(at('EpisodeOfCare.ndjson', 3).map((r) => [r.column, r.value])).toEqual([
      [`EpisodeOfCare.extension('${SD}discharge-reason').value`, '9'],
    ]);
  });

  it('rejects what only the FHIR mapping forbids: reference forms, aliases, statuses', () => {
    expect(at('Encounter.ndjson', 6)).toEqual([
      expect.objectContaining({
        column: 'Encounter.subject.reference',
        reason: expect.stringMatching(/^unsupported reference form/),
      }),
    ]);
    expect(at('Group.ndjson', 2)).toEqual([expect.objectContaining({ column: 'Group.code', value: 'skills-based' })]);
    expect(at('Encounter.ndjson', 7)).toEqual([
      expect.objectContaining({ column: `Encounter.extension('${SD}attendance-status').value`, value: 'no_show' }),
    ]);
    expect(at('Encounter.ndjson', 8)).toEqual([
      expect.objectContaining({ column: 'Encounter.status', value: 'finished' }),
    ]);
    expect(at('EpisodeOfCare.ndjson', 4)).toEqual([
      expect.objectContaining({ column: 'EpisodeOfCare.status', value: 'planned' }),
    ]);
  });

  it('reads questionnaire responses: feedback through an attendance Encounter, a check-in date in UTC', async () => {
    const tables = await tableContents(db.url);
    expect(tables.feedback!.map((f) => [f.session_id, f.participant_id, Number(f.overall)])).toEqual([['T1', 'P1', 8]]);
    expect(tables.sobriety_checkin!.map((c) => [c.participant_id, c.report_date, c.days_used, c.window_days])).toEqual([
      ['P1', '2025-01-11', 1, 7],
    ]);
    expect(at('QuestionnaireResponse.ndjson', 2)).toEqual([
      expect.objectContaining({
        column: 'QuestionnaireResponse.encounter',
        reason: expect.stringMatching(/another patient/),
      }),
    ]);
    expect(at('QuestionnaireResponse.ndjson', 3).map((r) => [r.column, r.value])).toEqual([
      ["QuestionnaireResponse.item.where(linkId='overall').answer.value", '8.45'],
    ]);
    expect(at('QuestionnaireResponse.ndjson', 5)).toEqual([
      expect.objectContaining({
        column: "QuestionnaireResponse.item.where(linkId='days_used').answer.value",
        reason: 'the answer must be valueInteger',
      }),
    ]);
    expect(at('QuestionnaireResponse.ndjson', 6).map((r) => r.column)).toEqual(['QuestionnaireResponse.status']);
    expect(summary.warnings).toEqual(
      expect.arrayContaining(['QuestionnaireResponse.ndjson: 3 unknown questionnaire items (linkIds) ignored']),
    );
  });

  it('rejects an episode at its bad baseline Observation, and a baseline without its episode', () => {
    expect(at('Observation.ndjson', 2)).toEqual([
      expect.objectContaining({ column: 'Observation.status', value: 'preliminary' }),
    ]);
    expect(at('Observation.ndjson', 3)).toEqual([
      expect.objectContaining({ reason: 'baseline without its episode in this load' }),
    ]);
  });

  it('has no reject that is not explained above, and counts each rejected resource once', () => {
    const places = [...new Set(rejects.map((r) => `${r.file}:${r.line}`))].sort();
    expect(places).toEqual(
      [
        'Patient.ndjson:2',
        'Patient.ndjson:3',
        'Patient.ndjson:4',
        'Patient.ndjson:6',
        'Group.ndjson:2',
        'EpisodeOfCare.ndjson:2',
        'EpisodeOfCare.ndjson:3',
        'EpisodeOfCare.ndjson:4',
        'Observation.ndjson:2',
        'Observation.ndjson:3',
        'Encounter.ndjson:2',
        'Encounter.ndjson:3',
        'Encounter.ndjson:5',
        'Encounter.ndjson:6',
        'Encounter.ndjson:7',
        'Encounter.ndjson:8',
        'QuestionnaireResponse.ndjson:2',
        'QuestionnaireResponse.ndjson:3',
        'QuestionnaireResponse.ndjson:5',
        'QuestionnaireResponse.ndjson:6',
      ].sort(),
    );
    // EpisodeOfCare line 4 and Observation line 2 are one enrollment row rejected twice over.
    expect(summary.totals.rejected).toBe(places.length - 1);
  });
});

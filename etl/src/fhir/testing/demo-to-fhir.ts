// Test support: turns a folder of contract CSVs (the demo generator's program) into a FHIR R4 bulk
// export written as docs/FHIR_MAPPING.md §2 says, independently of the converter's code. Varies
// the forms the mapping allows (dateTimes with offsets, lengths in hours, versioned references,
// nonbinary as gender identity) so the round trip covers them.

import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';

const IOP = 'http://example.org/iop/';
const CS = `${IOP}CodeSystem/`;
const SD = `${IOP}StructureDefinition/`;
const TEDS = ['completed', 'dropped_out', 'terminated', 'transferred', 'incarcerated', 'died', 'other'];
const ATTENDED = new Set(['present', 'late', 'left_early']);

type Row = Record<string, string>;
type Resource = Record<string, unknown>;

async function* rows(dir: string, kind: string): AsyncGenerator<Row> {
  yield* createReadStream(path.join(dir, `${kind}.csv`)).pipe(parse({ columns: true }));
}

class Ndjson {
  private readonly stream: WriteStream;
  constructor(file: string) {
    this.stream = createWriteStream(file);
  }
  async write(resource: Resource): Promise<void> {
    if (!this.stream.write(`${JSON.stringify(resource)}\n`)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
  }
}

const coding = (system: string, code: string): Resource => ({ system, code });
const concept = (system: string, code: string): Resource => ({ coding: [coding(system, code)] });
const number = (text: string): number => Number(text);
const has = (text: string | undefined): text is string => text !== undefined && text !== '';

/** Minutes as a Duration: whole hours written in h every so often, so the ×60 path is used. */
function duration(minutes: string, alternate: boolean): Resource {
  const value = number(minutes);
  return alternate && value % 60 === 0 && value > 0
    ? { value: value / 60, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' }
    : { value, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' };
}

/** A date as a dateTime at 10:30 in Denver (UTC-06:00 or -07:00): still the same date in UTC. */
function dateTime(date: string): string {
  return `${date}T10:30:00-06:00`;
}

export async function writeFhirExport(csvDir: string, outDir: string): Promise<void> {
  const out = (name: string): Ndjson => new Ndjson(path.join(outDir, `${name}.ndjson`));

  const organizations = out('Organization');
  for await (const r of rows(csvDir, 'sites')) {
    await organizations.write({
      resourceType: 'Organization',
      id: r.site_id,
      name: r.site_name,
      type: [concept('http://terminology.hl7.org/CodeSystem/organization-type', 'prov')],
    });
  }
  await organizations.close();

  const groups = out('Group');
  for await (const r of rows(csvDir, 'groups')) {
    const group: Resource = {
      resourceType: 'Group',
      id: r.group_id,
      type: 'person',
      actual: true,
      code: concept(`${CS}group-type`, r.group_type!),
      name: r.group_name,
      managingEntity: { reference: `Organization/${r.site_id}` },
    };
    if (has(r.modality))
      group.characteristic = [
        {
          code: concept(`${CS}group-characteristic`, 'modality'),
          valueCodeableConcept: concept(`${CS}modality`, r.modality),
          exclude: false,
        },
      ];
    if (has(r.capacity)) group.extension = [{ url: `${SD}group-capacity`, valueInteger: number(r.capacity) }];
    await groups.write(group);
  }
  await groups.close();

  const patients = out('Patient');
  for await (const r of rows(csvDir, 'participants')) {
    const extension: Resource[] = [];
    const patient: Resource = { resourceType: 'Patient', id: r.participant_id };
    if (has(r.birth_year)) patient.birthDate = r.birth_year;
    if (r.gender === 'nonbinary') {
      patient.gender = 'other';
      extension.push({
        url: 'http://hl7.org/fhir/StructureDefinition/patient-genderIdentity',
        valueCodeableConcept: concept('http://hl7.org/fhir/gender-identity', 'non-binary'),
      });
    } else if (has(r.gender)) patient.gender = r.gender;
    if (has(r.primary_substance))
      extension.push({
        url: `${SD}primary-substance`,
        valueCodeableConcept: concept(`${CS}primary-substance`, r.primary_substance),
      });
    if (has(r.co_occurring)) extension.push({ url: `${SD}co-occurring`, valueBoolean: r.co_occurring === 'true' });
    if (extension.length > 0) patient.extension = extension;
    await patients.write(patient);
  }
  await patients.close();

  const episodes = out('EpisodeOfCare');
  const observations = out('Observation');
  let n = 0;
  for await (const r of rows(csvDir, 'enrollments')) {
    n++;
    const discharged = has(r.discharge_date);
    const episode: Resource = {
      resourceType: 'EpisodeOfCare',
      id: r.enrollment_id,
      status: discharged ? 'finished' : n % 2 === 0 ? 'active' : 'onhold',
      type: [concept('http://terminology.hl7.org/CodeSystem/episodeofcare-type', 'da')],
      // Every third reference carries a version, which the mapping ignores.
      patient: { reference: `Patient/${r.participant_id}${n % 3 === 0 ? '/_history/2' : ''}` },
      managingOrganization: { reference: `Organization/${r.site_id}` },
      period: {
        start: n % 2 === 0 ? dateTime(r.admission_date!) : r.admission_date,
        ...(discharged ? { end: r.discharge_date } : {}),
      },
    };
    if (has(r.discharge_reason))
      episode.extension = [
        {
          url: `${SD}discharge-reason`,
          valueCodeableConcept: concept(`${CS}teds-discharge-reason`, String(TEDS.indexOf(r.discharge_reason) + 1)),
        },
      ];
    await episodes.write(episode);
    if (!has(r.assessment_date) && !has(r.baseline_days_used)) continue;
    const observation: Resource = {
      resourceType: 'Observation',
      id: `baseline-${r.enrollment_id}`,
      status: 'final',
      category: [concept('http://terminology.hl7.org/CodeSystem/observation-category', 'survey')],
      code: concept(`${CS}iop-observation`, 'baseline-days-used'),
      subject: { reference: `Patient/${r.participant_id}` },
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare',
          valueReference: { reference: `EpisodeOfCare/${r.enrollment_id}` },
        },
      ],
    };
    if (has(r.assessment_date)) observation.effectiveDateTime = r.assessment_date;
    if (has(r.baseline_days_used)) observation.valueInteger = number(r.baseline_days_used);
    else observation.dataAbsentReason = concept('http://terminology.hl7.org/CodeSystem/data-absent-reason', 'unknown');
    await observations.write(observation);
  }
  await episodes.close();
  await observations.close();

  const encounters = out('Encounter');
  n = 0;
  for await (const r of rows(csvDir, 'sessions')) {
    n++;
    const session: Resource = {
      resourceType: 'Encounter',
      id: r.session_id,
      status: 'finished',
      class: coding('http://terminology.hl7.org/CodeSystem/v3-ActCode', 'AMB'),
      subject: { reference: `Group/${r.group_id}` },
      period: { start: n % 2 === 0 ? dateTime(r.session_date!) : r.session_date },
    };
    if (has(r.duration_minutes)) {
      // Every fifth session gives its length as a period with times instead of a Duration.
      if (n % 5 === 0) {
        const start = Date.parse(`${r.session_date}T16:30:00Z`);
        session.period = {
          start: new Date(start).toISOString(),
          end: new Date(start + number(r.duration_minutes) * 60_000).toISOString(),
        };
      } else session.length = duration(r.duration_minutes, n % 2 === 0);
    }
    if (has(r.topic)) session.reasonCode = [{ text: r.topic }];
    await encounters.write(session);
  }
  n = 0;
  for await (const r of rows(csvDir, 'attendance')) {
    n++;
    const attendance: Resource = {
      resourceType: 'Encounter',
      id: `att-${n}`,
      status: ATTENDED.has(r.status!) ? 'finished' : 'cancelled',
      class: coding('http://terminology.hl7.org/CodeSystem/v3-ActCode', 'AMB'),
      subject: { reference: `Patient/${r.participant_id}` },
      partOf: { reference: `Encounter/${r.session_id}` },
      extension: [{ url: `${SD}attendance-status`, valueCoding: coding(`${CS}attendance-status`, r.status!) }],
    };
    if (has(r.minutes_attended)) attendance.length = duration(r.minutes_attended, n % 2 === 0);
    await encounters.write(attendance);
  }
  await encounters.close();

  const responses = out('QuestionnaireResponse');
  const answer = (linkId: string, value: Resource): Resource => ({ linkId, answer: [value] });
  n = 0;
  for await (const r of rows(csvDir, 'feedback')) {
    n++;
    await responses.write({
      resourceType: 'QuestionnaireResponse',
      id: `fb-${n}`,
      questionnaire: `${IOP}Questionnaire/gsrs${n % 2 === 0 ? '|1.0' : ''}`,
      status: 'completed',
      subject: { reference: `Patient/${r.participant_id}` },
      encounter: { reference: `Encounter/${r.session_id}` },
      item: ['relationship', 'goals_topics', 'approach', 'overall'].map((id) =>
        answer(id, { valueDecimal: number(r[id]!) }),
      ),
    });
  }
  n = 0;
  for await (const r of rows(csvDir, 'sobriety')) {
    n++;
    const item = [answer('days_used', { valueInteger: number(r.days_used!) })];
    if (has(r.window_days)) item.push(answer('window_days', { valueInteger: number(r.window_days) }));
    if (has(r.craving)) item.push(answer('craving', { valueDecimal: number(r.craving) }));
    if (has(r.goal_met)) item.push(answer('goal_met', { valueBoolean: r.goal_met === 'true' }));
    await responses.write({
      resourceType: 'QuestionnaireResponse',
      id: `ci-${n}`,
      questionnaire: `${IOP}Questionnaire/sobriety-checkin`,
      status: n % 4 === 0 ? 'amended' : 'completed',
      subject: { reference: `Patient/${r.participant_id}` },
      authored: n % 2 === 0 ? dateTime(r.report_date!) : r.report_date,
      item,
    });
  }
  await responses.close();
}

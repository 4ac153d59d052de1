import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { generateDemoData } from '@iop/etl';
import { writeFhirExport } from '../../../etl/src/fhir/testing/demo-to-fhir';
import * as documents from '../../../web/src/gql/graphql';
import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { uploadAndWait } from './upload.testing';

// docs/FHIR_MAPPING.md's goal, over HTTP: the demo program uploaded as CSV to one server and as a
// FHIR bulk export to another gives the same answer to every figure query the dashboard sends
// (web/src/gql: each page's query, with the filter left to its default).

jest.setTimeout(300_000);

let dir: string;
let fromCsv: { api: ApiTestServer; director: ApiSession };
let fromFhir: { api: ApiTestServer; director: ApiSession };

/**
 * Queries about the loads, users, releases and uploads themselves differ by design (times, files,
 * who) or ask about no loaded row (the mapping screen's).
 */
const NOT_FIGURES = new Set([
  'AuditLog',
  'LoadHistory',
  'Rejects',
  'Releases',
  'Release',
  'GetUser',
  'MappingPreview',
  'MappingProfiles',
  'MappingTargets',
  'MappingUpload',
]);
const REQUIRED_VARIABLES: Record<string, Record<string, unknown>[]> = {
  EarlyWarning: [{ limit: 1000 }],
  GroupFunnel: [{ measure: 'attendance' }, { measure: 'completion' }, { measure: 'retention90' }],
  DrilldownGroups: ['psychoeducation', 'skills', 'process', 'trauma_informed', 'family'].map((groupType) => ({
    groupType,
  })),
  DrilldownSessions: [{ groupId: 'G0001' }, { groupId: 'G0007' }],
  ParticipantActivity: [
    { participantId: 'P000001', rows: 10 },
    { participantId: 'P000012', rows: 10 },
  ],
};

function figureQueries(): { name: string; query: string }[] {
  return Object.values(documents as Record<string, unknown>)
    .filter((d): d is DocumentNode => typeof d === 'object' && d !== null && (d as DocumentNode).kind === 'Document')
    .flatMap((document) => {
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      );
      if (operation?.operation !== 'query' || !operation.name || NOT_FIGURES.has(operation.name.value)) return [];
      return [{ name: operation.name.value, query: print(document) }];
    });
}

async function serverWith(files: Record<string, string>): Promise<{ api: ApiTestServer; director: ApiSession }> {
  const api = await startApiTestServer();
  const director = await api.signIn('director');
  const state = await uploadAndWait(director, files);
  expect(state.status).toBe('succeeded');
  return { api, director };
}

async function filesIn(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await readdir(folder)) files[name] = await readFile(path.join(folder, name), 'utf8');
  return files;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-fhir-figures-'));
  await generateDemoData({ outDir: path.join(dir, 'csv'), participants: 250, seed: 11 });
  await mkdir(path.join(dir, 'fhir'));
  await writeFhirExport(path.join(dir, 'csv'), path.join(dir, 'fhir'));
  fromCsv = await serverWith(await filesIn(path.join(dir, 'csv')));
  fromFhir = await serverWith(await filesIn(path.join(dir, 'fhir')));
});

afterAll(async () => {
  await fromCsv?.api.close();
  await fromFhir?.api.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('asks every figure query of the dashboard', () => {
  const names = figureQueries().map((q) => q.name);
  for (const name of ['ProgramOverview', 'Retention', 'Sobriety', 'SessionFeedback', 'EarlyWarning', 'OutcomeReport'])
    expect(names).toContain(name);
});

it('gives the same figures from FHIR as from CSV', async () => {
  for (const { name, query } of figureQueries()) {
    for (const variables of REQUIRED_VARIABLES[name] ?? [{}]) {
      const [csv, fhir] = await Promise.all([
        fromCsv.director.graphql<Record<string, unknown>>(query, variables),
        fromFhir.director.graphql<Record<string, unknown>>(query, variables),
      ]);
      expect({ name, variables, errors: csv.errors }).toEqual({ name, variables, errors: undefined });
      // The time of the last load is the one thing that differs (DataFreshness.lastSuccessfulLoadAt).
      const comparable = (data: unknown): string =>
        JSON.stringify(data, (key, value: unknown) => (key === 'lastSuccessfulLoadAt' ? undefined : value));
      expect({ name, variables, data: comparable(fhir.data) }).toEqual({ name, variables, data: comparable(csv.data) });
      expect(comparable(csv.data).length).toBeGreaterThan(100);
    }
  }
});

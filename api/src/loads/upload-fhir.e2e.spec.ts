import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { uploadAndWait } from './upload.testing';

// A director uploads the .ndjson files of a FHIR bulk export: the loader reads them as FHIR, and a
// rejected resource is reported at its NDJSON line and element, with no server path anywhere.

let api: ApiTestServer;
let director: ApiSession;

beforeAll(async () => {
  api = await startApiTestServer();
  director = await api.signIn('director');
});
afterAll(() => api?.close());

const ndjson = (resources: object[]): string => resources.map((r) => JSON.stringify(r)).join('\n') + '\n';

it('loads uploaded NDJSON files and reports a rejected resource at its line and element', async () => {
  const organizations = ndjson([{ resourceType: 'Organization', id: 'S1', name: 'North clinic' }]);
  const groups = ndjson([
    {
      resourceType: 'Group',
      id: 'G1',
      type: 'person',
      actual: true,
      name: 'DBT skills',
      code: { coding: [{ system: 'http://example.org/iop/CodeSystem/group-type', code: 'skills' }] },
      managingEntity: { reference: 'Organization/S1' },
    },
    {
      resourceType: 'Group',
      id: 'G2',
      type: 'person',
      actual: true,
      name: 'Elsewhere',
      code: { coding: [{ system: 'http://example.org/iop/CodeSystem/group-type', code: 'process' }] },
      managingEntity: { reference: 'Organization/S9' },
    },
  ]);
  const state = await uploadAndWait(director, { 'Organization.ndjson': organizations, 'Group.ndjson': groups });
  expect(state.status).toBe('partial');
  expect(state.summary?.files).toEqual([
    expect.objectContaining({ fileName: 'sites from FHIR', kind: 'sites', read: 1, inserted: 1, rejected: 0 }),
    expect.objectContaining({ fileName: 'groups from FHIR', kind: 'groups', read: 2, inserted: 1, rejected: 1 }),
  ]);
  const query = `query ($id: Int!) { rejectedRows(loadId: $id) { fileName line columnName value } }`;
  const { data } = await director.graphql<{ rejectedRows: unknown[] }>(query, { id: state.summary!.loadId });
  expect(data!.rejectedRows).toEqual([
    { fileName: 'Group.ndjson', line: 2, columnName: 'Group.managingEntity', value: 'S9' },
  ]);
  expect(JSON.stringify(state)).not.toMatch(/iop-upload-|\/tmp\//);
});

// Mapping profiles over HTTP: an upload no profile maps waits for the mapping screen; a director
// previews a profile, saves it and loads the upload with it; the next upload of the same shape
// loads by itself. Directors only.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoData } from '@iop/etl';
import { vendorProfile, writeVendorExport } from '../../../etl/src/mapping/testing/vendor-export';
import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { postUpload, type UploadFiles } from '../loads/upload.testing';

jest.setTimeout(120_000);

let api: ApiTestServer;
let director: ApiSession;
let work: string;
let vendorFiles: UploadFiles;

interface UploadState {
  uploadId: string;
  status: string;
  profileName: string | null;
  summary: {
    loadId: number;
    files: { fileName: string; inserted: number; unchanged: number; rejected: number }[];
  } | null;
}

async function upload(files: UploadFiles): Promise<UploadState> {
  const response = await postUpload(director, files);
  expect(response.status).toBe(202);
  return waitFor(((await response.json()) as { uploadId: string }).uploadId);
}

async function waitFor(uploadId: string): Promise<UploadState> {
  for (let i = 0; i < 600; i++) {
    const state = (await (await director.fetch(`/api/uploads/${uploadId}`)).json()) as UploadState;
    if (!['queued', 'running'].includes(state.status)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the upload did not finish');
}

beforeAll(async () => {
  api = await startApiTestServer();
  director = await api.signIn('director');
  work = await mkdtemp(path.join(tmpdir(), 'iop-mapping-e2e-'));
  await generateDemoData({ outDir: path.join(work, 'demo'), participants: 12, seed: 4 });
  await writeVendorExport(path.join(work, 'demo'), path.join(work, 'vendor'));
  vendorFiles = {};
  for (const name of await readdir(path.join(work, 'vendor')))
    vendorFiles[name] = new Uint8Array(await readFile(path.join(work, 'vendor', name)));
});
afterAll(async () => {
  await api?.close();
  await rm(work, { recursive: true, force: true });
});

const FILES_QUERY = `query ($id: String!) { mappingUpload(uploadId: $id) { fileName contractKind error suggestion columns { name samples identifier } } }`;
const PREVIEW_QUERY = `query ($id: String!, $doc: String!) {
  mappingPreview(uploadId: $id, document: $doc) { warnings tables { file kind rowCount rejectedRows columns rows } rejects { file line column value reason } } }`;

describe('an upload that needs a mapping', () => {
  let waiting: UploadState;

  it("waits for the mapping screen instead of being refused, and shows columns with samples (never a name's)", async () => {
    waiting = await upload(vendorFiles);
    expect(waiting).toMatchObject({ status: 'needs-mapping', summary: null, profileName: null });
    const { data, errors } = await director.graphql<{
      mappingUpload: {
        fileName: string;
        columns: { name: string; samples: string[]; identifier: string | null }[];
        suggestion: string;
      }[];
    }>(FILES_QUERY, { id: waiting.uploadId });
    expect(errors).toBeUndefined();
    const clients = data!.mappingUpload.find((f) => f.fileName === 'Client Demographics.xlsx')!;
    expect(clients.columns.find((c) => c.name === 'Client Name')).toEqual({
      name: 'Client Name',
      samples: [],
      identifier: 'client_name',
    });
    expect(clients.columns.find((c) => c.name === 'Sex')!.samples.length).toBeGreaterThan(0);
    const report = data!.mappingUpload.find((f) => f.fileName === 'Group_Attendance_Report.csv')!;
    expect(JSON.parse(report.suggestion)).toMatchObject({
      target: 'group_attendance_report',
      dateFormat: 'm/d/yy',
      columns: { status: 'Attendance' },
    });
  });

  it('previews a draft without writing anything', async () => {
    const { data, errors } = await director.graphql<{
      mappingPreview: { warnings: string[]; tables: { file: string; rowCount: number; rejectedRows: number }[] };
    }>(PREVIEW_QUERY, {
      id: waiting.uploadId,
      doc: JSON.stringify(vendorProfile('Vendor EHR')),
    });
    expect(errors).toBeUndefined();
    expect(data!.mappingPreview.warnings).toEqual([]);
    expect(data!.mappingPreview.tables.map((t) => t.file)).toContain('Group_Attendance_Report.csv → sessions');
    expect(data!.mappingPreview.tables.every((t) => t.rejectedRows === 0)).toBe(true);
    const history = await director.graphql<{ loadHistory: unknown[] }>('{ loadHistory { loadId } }');
    expect(history.data!.loadHistory).toEqual([]);
  });

  it('refuses an invalid profile with the problem named', async () => {
    const { errors } = await director.graphql(
      `mutation ($doc: String!) { saveMappingProfile(document: $doc) { name } }`,
      {
        doc: JSON.stringify({ name: 'x', files: [{ match: {}, target: 'attendance', columns: {} }] }),
      },
    );
    expect(errors?.[0]!.message).toContain(
      'files.0.match: a file is matched by its header, its file name pattern, or both',
    );
  });

  it('saves the profile (versions kept), loads the upload by it, and loads the next export with no questions', async () => {
    const save = `mutation ($doc: String!) { saveMappingProfile(document: $doc) { name version savedBy } }`;
    const first = await director.graphql<{ saveMappingProfile: { version: number } }>(save, {
      doc: JSON.stringify(vendorProfile('Vendor EHR')),
    });
    const second = await director.graphql<{ saveMappingProfile: { version: number; savedBy: string } }>(save, {
      doc: JSON.stringify(vendorProfile('Vendor EHR')),
    });
    expect(first.data!.saveMappingProfile.version).toBe(1);
    expect(second.data!.saveMappingProfile).toMatchObject({ version: 2, savedBy: director.username });

    const started = await director.graphql<{ loadUploadWithProfile: boolean }>(
      `mutation ($id: String!) { loadUploadWithProfile(uploadId: $id, name: "Vendor EHR") }`,
      { id: waiting.uploadId },
    );
    expect(started.data!.loadUploadWithProfile).toBe(true);
    const loaded = await waitFor(waiting.uploadId);
    expect(loaded).toMatchObject({ status: 'succeeded', profileName: 'Vendor EHR' });
    expect(loaded.summary!.files.find((f) => f.fileName === 'Episodes.csv → enrollments')!.inserted).toBeGreaterThan(0);

    const next = await upload(vendorFiles);
    expect(next).toMatchObject({ status: 'succeeded', profileName: 'Vendor EHR' });
    expect(next.summary!.files.every((f) => f.inserted === 0 && f.rejected === 0 && f.unchanged > 0)).toBe(true);
  });

  it("keeps profiles and uploads' values from anyone but a director, and records who changed what", async () => {
    const quality = await api.signIn('quality');
    const { errors } = await quality.graphql('{ mappingProfiles { name } }');
    expect(errors?.[0]!.message).toMatch(/forbidden|not allowed|role/i);
    const audit = await director.graphql<{ auditLog: { operation: string }[] }>(
      '{ auditLog(limit: 50) { operation } }',
    );
    expect(JSON.stringify(audit.data ?? audit.errors)).toContain('saveMappingProfile');
  });

  it('exports and deletes a profile; a deleted one no longer applies by itself', async () => {
    const { data } = await director.graphql<{ mappingProfile: { document: string } }>(
      `{ mappingProfile(name: "Vendor EHR") { document } }`,
    );
    expect(JSON.parse(data!.mappingProfile.document)).toMatchObject({
      format: 'iop-mapping-profile',
      version: 1,
      name: 'Vendor EHR',
    });
    const deleted = await director.graphql<{ deleteMappingProfile: boolean }>(
      `mutation { deleteMappingProfile(name: "Vendor EHR") }`,
    );
    expect(deleted.data!.deleteMappingProfile).toBe(true);
    expect(
      (await director.graphql<{ mappingProfiles: unknown[] }>('{ mappingProfiles { name } }')).data!.mappingProfiles,
    ).toEqual([]);
    expect((await upload(vendorFiles)).status).toBe('needs-mapping');
  });
});

import ExcelJS from 'exceljs';
import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { uploadAndWait } from './upload.testing';

// A director uploads a spreadsheet (.xlsx) from the dashboard: the same loader reads its first
// sheet, and a rejected row is reported at its sheet row.

let api: ApiTestServer;
let director: ApiSession;

beforeAll(async () => {
  api = await startApiTestServer();
  director = await api.signIn('director');
});
afterAll(() => api?.close());

async function xlsx(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Export');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

it('loads an uploaded spreadsheet and reports a rejected row at its sheet row', async () => {
  const sites = await xlsx([
    ['site_id', 'site_name'],
    ['S1', 'North clinic'],
    ['S2', ''],
  ]);
  const state = await uploadAndWait(director, { 'sites.xlsx': sites });
  expect(state.status).toBe('partial');
  expect(state.summary?.files).toEqual([
    expect.objectContaining({
      fileName: 'sites.xlsx',
      kind: 'sites',
      status: 'loaded',
      read: 2,
      inserted: 1,
      rejected: 1,
    }),
  ]);
  const query = `query ($id: Int!) { rejectedRows(loadId: $id) { fileName line columnName } }`;
  const { data } = await director.graphql<{ rejectedRows: unknown[] }>(query, { id: state.summary!.loadId });
  expect(data!.rejectedRows).toEqual([{ fileName: 'sites.xlsx', line: 3, columnName: 'site_name' }]);
});

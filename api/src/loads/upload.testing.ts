// Test helpers: upload export files through the dashboard's route and wait for the load to end.

import type { ApiSession } from '../testing/api-test-server';

export interface UploadOutcome {
  status: string;
  summary: { loadId: number; files: Record<string, unknown>[] } | null;
}

/** File name → CSV text, or the bytes of a binary file (a spreadsheet). */
export type UploadFiles = Record<string, string | Uint8Array>;

function form(files: UploadFiles): FormData {
  const data = new FormData();
  for (const [name, content] of Object.entries(files)) {
    const type = typeof content === 'string' ? 'text/csv' : 'application/octet-stream';
    data.append('files', new Blob([typeof content === 'string' ? content : Buffer.from(content)], { type }), name);
  }
  return data;
}

/** POSTs the files (name → CSV text) to /api/uploads; the response, unread. */
export function postUpload(session: ApiSession, files: UploadFiles): Promise<Response> {
  return session.fetch('/api/uploads', { method: 'POST', body: form(files) });
}

/** Uploads the files and polls until the load has ended. */
export async function uploadAndWait(session: ApiSession, files: UploadFiles): Promise<UploadOutcome> {
  const response = await postUpload(session, files);
  if (response.status !== 202) throw new Error(`Upload answered ${response.status}: ${await response.text()}`);
  const { uploadId } = (await response.json()) as { uploadId: string };
  for (let i = 0; i < 300; i++) {
    const state = (await (await session.fetch(`/api/uploads/${uploadId}`)).json()) as UploadOutcome;
    if (!['queued', 'running'].includes(state.status)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the upload did not finish');
}

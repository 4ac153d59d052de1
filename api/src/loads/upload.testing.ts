// Test helpers: upload export files through the dashboard's route and wait for the load to end.

import type { ApiSession } from '../testing/api-test-server';

export interface UploadOutcome {
  status: string;
  summary: { loadId: number; files: Record<string, unknown>[] } | null;
}

function form(files: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, text] of Object.entries(files)) data.append('files', new Blob([text], { type: 'text/csv' }), name);
  return data;
}

/** POSTs the files (name → CSV text) to /api/uploads; the response, unread. */
export function postUpload(session: ApiSession, files: Record<string, string>): Promise<Response> {
  return session.fetch('/api/uploads', { method: 'POST', body: form(files) });
}

/** Uploads the files and polls until the load has ended. */
export async function uploadAndWait(session: ApiSession, files: Record<string, string>): Promise<UploadOutcome> {
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

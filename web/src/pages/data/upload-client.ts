import { announceUnauthenticated, ApiError } from '../../api/api-error';
import { csrfHeaders } from '../../api/csrf';

/** needs-mapping: the files are not the contract's and no saved profile maps them (mapping/MappingScreen). */
export type UploadStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'needs-mapping';

export interface UploadFileSummary {
  fileName: string;
  kind: string | null;
  status: 'loaded' | 'refused';
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  message: string | null;
}

export interface UploadState {
  uploadId: string;
  status: UploadStatus;
  /** The saved mapping profile the files were loaded by, if any. */
  profileName: string | null;
  warnings: string[];
  progress: { file: string | null; rowsRead: number; bytesRead: number; bytesTotal: number };
  summary: null | { loadId: number; status: string; files: UploadFileSummary[] };
  error: string | null;
}

async function failure(response: Response): Promise<ApiError> {
  if (response.status === 401) {
    announceUnauthenticated();
    return new ApiError('Sign in to continue.', 'unauthenticated', 401);
  }
  if (response.status === 403) return new ApiError('Your role may not upload data.', 'forbidden', 403);
  const body = (await response.json().catch(() => null)) as {
    message?: unknown;
    errors?: { message: string }[];
  } | null;
  const message = typeof body?.message === 'string' ? body.message : body?.errors?.[0]?.message;
  return new ApiError(
    message ?? `The upload failed (the server answered ${response.status}).`,
    'failed',
    response.status,
  );
}

/** Sends the export files; the server answers at once with an id to follow the load by. */
export async function startUpload(files: readonly File[]): Promise<string> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  const response = await fetch('/api/uploads', {
    method: 'POST',
    headers: csrfHeaders(),
    credentials: 'same-origin',
    body: form,
  }).catch(() => null);
  if (!response) throw new ApiError('The server cannot be reached. Check that it is running, then retry.');
  if (response.status !== 202 && !response.ok) throw await failure(response);
  const { uploadId } = (await response.json()) as { uploadId: string };
  return uploadId;
}

export async function fetchUploadState(uploadId: string): Promise<UploadState> {
  const response = await fetch(`/api/uploads/${encodeURIComponent(uploadId)}`, {
    headers: csrfHeaders(),
    credentials: 'same-origin',
  }).catch(() => null);
  if (!response) throw new ApiError('The server cannot be reached. The load goes on; retry to follow it.');
  if (!response.ok) throw await failure(response);
  return (await response.json()) as UploadState;
}

/** The upload waits for the director to map its files: nothing to poll until a load starts. */
export function isWaitingForMapping(status: UploadStatus): boolean {
  return status === 'needs-mapping';
}

export function isUploadFinished(status: UploadStatus): boolean {
  return status === 'succeeded' || status === 'partial' || status === 'failed';
}

/** "Reading attendance.csv: 12,345 rows (40%)" for the progress bar's label. */
export function describeProgress(state: Pick<UploadState, 'status' | 'progress'>): string {
  if (state.status === 'queued') return 'Waiting for the loader to start…';
  const { file, rowsRead, bytesRead, bytesTotal } = state.progress;
  const percent = bytesTotal > 0 ? ` (${Math.min(100, Math.round((bytesRead / bytesTotal) * 100))}%)` : '';
  const rows = `${rowsRead.toLocaleString('en-US')} row${rowsRead === 1 ? '' : 's'} read`;
  return file ? `Reading ${file}: ${rows}${percent}` : `${rows}${percent}`;
}

const UPLOAD_OUTCOME: Record<UploadStatus, string> = {
  queued: 'Waiting to start.',
  running: 'Loading…',
  succeeded: 'Loaded: every file and row was accepted. The figures now include this data.',
  partial: 'Loaded with problems: some rows or files were refused (see below). The figures include what was accepted.',
  failed: 'The load failed and nothing was stored.',
  'needs-mapping': 'These files are not in the contract’s shape: map them below.',
};

const NOTHING_REFUSED_FILES = 'Nothing was loaded: every file was refused (see below). The figures are unchanged.';
const NOTHING_ACCEPTED =
  'Nothing was loaded: every row was rejected or its file refused (see below). The figures are unchanged.';

/**
 * The sentence above the per-file table. A load with problems that stored nothing at all (every
 * file refused, or every row rejected) is still "partial" to the server, which records it; but
 * saying that "the figures include what was accepted" would suggest that something was.
 */
export function describeOutcome(state: Pick<UploadState, 'status' | 'summary'>): string {
  const files = state.summary?.files ?? [];
  if (state.status === 'partial' && files.length > 0) {
    if (files.every((f) => f.status === 'refused')) return NOTHING_REFUSED_FILES;
    if (files.every((f) => f.status === 'refused' || f.inserted + f.updated + f.unchanged === 0)) {
      return NOTHING_ACCEPTED;
    }
  }
  return UPLOAD_OUTCOME[state.status];
}

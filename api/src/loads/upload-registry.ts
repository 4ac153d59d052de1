import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { LoadProgress, LoadSummary } from '@iop/etl';

export type UploadStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';

export interface UploadState {
  uploadId: string;
  status: UploadStatus;
  startedBy: string;
  progress: { file: string | null; rowsRead: number; bytesRead: number; bytesTotal: number };
  summary: null | {
    loadId: number | null;
    status: string;
    files: {
      fileName: string;
      kind: string | null;
      status: string;
      read: number;
      inserted: number;
      updated: number;
      unchanged: number;
      rejected: number;
      message: string | null;
    }[];
  };
  error: string | null;
}

/** Uploads in this process, kept an hour after they end so that the page can read the result. */
@Injectable()
export class UploadRegistry {
  private readonly uploads = new Map<string, UploadState & { endedAt?: number }>();

  create(startedBy: string): UploadState {
    this.forgetOld();
    const state: UploadState = {
      uploadId: randomUUID(),
      status: 'queued',
      startedBy,
      progress: { file: null, rowsRead: 0, bytesRead: 0, bytesTotal: 0 },
      summary: null,
      error: null,
    };
    this.uploads.set(state.uploadId, state);
    return state;
  }

  get(uploadId: string): UploadState | undefined {
    const state = this.uploads.get(uploadId);
    if (!state) return undefined;
    const { endedAt: _endedAt, ...shown } = state;
    return shown;
  }

  progress(uploadId: string, p: LoadProgress): void {
    const state = this.uploads.get(uploadId);
    if (!state) return;
    state.status = 'running';
    state.progress = { file: p.file ?? null, rowsRead: p.rowsRead, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal };
  }

  finish(uploadId: string, summary: LoadSummary): void {
    const state = this.uploads.get(uploadId);
    if (!state) return;
    state.status = summary.status;
    state.error = summary.status === 'failed' ? (summary.message ?? 'The load failed; nothing was stored.') : null;
    state.summary = {
      loadId: summary.loadId,
      status: summary.status,
      files: summary.files.map((f) => ({
        fileName: f.file,
        kind: f.kind,
        status: f.status,
        read: f.read,
        inserted: f.inserted,
        updated: f.updated,
        unchanged: f.unchanged,
        rejected: f.rejected,
        message: f.message ?? null,
      })),
    };
    state.endedAt = Date.now();
  }

  fail(uploadId: string, message: string): void {
    const state = this.uploads.get(uploadId);
    if (!state) return;
    state.status = 'failed';
    state.error = message;
    state.endedAt = Date.now();
  }

  private forgetOld(): void {
    const hourAgo = Date.now() - 3_600_000;
    for (const [id, state] of this.uploads) if (state.endedAt && state.endedAt < hourAgo) this.uploads.delete(id);
  }
}

import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import type { LoadProgress, LoadSummary } from '@iop/etl';

/** needs-mapping: the files are not the contract's and no saved profile maps them (the mapping screen opens). */
export type UploadStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed' | 'needs-mapping';

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
  /** The saved mapping profile the files were loaded by, if any. */
  profileName: string | null;
  /** Load-wide remarks (e.g. a file no mapping of the profile matched). */
  warnings: string[];
}

type StoredUpload = UploadState & { endedAt?: number; dir?: string };

/** Uploads in this process, kept an hour after they end so that the page can read the result. */
@Injectable()
export class UploadRegistry {
  private readonly uploads = new Map<string, StoredUpload>();

  create(startedBy: string): UploadState {
    for (const dir of this.forgetOld()) void rm(dir, { recursive: true, force: true });
    const state: UploadState = {
      uploadId: randomUUID(),
      status: 'queued',
      startedBy,
      progress: { file: null, rowsRead: 0, bytesRead: 0, bytesTotal: 0 },
      summary: null,
      error: null,
      profileName: null,
      warnings: [],
    };
    this.uploads.set(state.uploadId, state);
    return state;
  }

  get(uploadId: string): UploadState | undefined {
    const state = this.uploads.get(uploadId);
    if (!state) return undefined;
    const { endedAt: _endedAt, dir: _dir, ...shown } = state;
    return shown;
  }

  /** Keeps the upload's private folder while it waits for a mapping (removed with the upload). */
  awaitMapping(uploadId: string, dir: string): void {
    const state = this.uploads.get(uploadId);
    if (!state) return;
    state.status = 'needs-mapping';
    state.dir = dir;
    state.endedAt = Date.now();
  }

  /** The private folder of an upload waiting for a mapping, or undefined. */
  folderOf(uploadId: string): string | undefined {
    const state = this.uploads.get(uploadId);
    return state?.status === 'needs-mapping' ? state.dir : undefined;
  }

  /** An upload that waited for a mapping is loaded now: it runs again, its folder handed over. */
  resume(uploadId: string, profileName: string | null): string | undefined {
    const state = this.uploads.get(uploadId);
    if (state?.status !== 'needs-mapping' || !state.dir) return undefined;
    const dir = state.dir;
    Object.assign(state, { status: 'queued', dir: undefined, endedAt: undefined, profileName });
    return dir;
  }

  applyingProfile(uploadId: string, profileName: string): void {
    const state = this.uploads.get(uploadId);
    if (state) state.profileName = profileName;
  }

  /** Forgets the upload; returns its folder, if it was waiting for a mapping, to be removed. */
  discard(uploadId: string): string | undefined {
    const dir = this.uploads.get(uploadId)?.dir;
    this.uploads.delete(uploadId);
    return dir;
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
    state.warnings = summary.warnings;
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

  /** Uploads ended an hour ago are forgotten; the folders of those that waited for a mapping are returned for removal. */
  forgetOld(): string[] {
    const hourAgo = Date.now() - 3_600_000;
    const folders: string[] = [];
    for (const [id, state] of this.uploads) {
      if (!state.endedAt || state.endedAt >= hourAgo) continue;
      if (state.dir) folders.push(state.dir);
      this.uploads.delete(id);
    }
    return folders;
  }
}

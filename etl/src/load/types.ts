// The loader's public vocabulary: what a caller passes in and what it gets back. Messages and
// reasons are fixed texts, safe for anyone to read; what is particular (values, ids, paths, header
// cells) is in the `detail` beside them, for directors and the operator only. Sample rejects carry
// no detail and mask participant identifiers, so a summary is safe to log.

import type { PoolClient } from 'pg';
import type { FileKind } from '../contract';
import type { LoadFile } from './discover-files';

export type LoadStatus = 'succeeded' | 'partial' | 'failed';

export interface RowCounts {
  /** Data rows read from the file (the header is not counted). */
  read: number;
  inserted: number;
  updated: number;
  /** Rows whose key was stored already with exactly these values: not rewritten. */
  unchanged: number;
  /** Rows not stored; read = inserted + updated + unchanged + rejected for every loaded file. */
  rejected: number;
}

/** One rejected value, as stored in etl_reject and written to the rejects CSV. */
export interface RowReject {
  file: string;
  /** Physical line where the record starts (the header is line 1). */
  line: number;
  /** Contract column, or null when the row as a whole is at fault (e.g. wrong number of fields). */
  column: string | null;
  value: string | null;
  /** The rule's fixed text: no id, value or date of the row, so rejects group by it. */
  reason: string;
  /** What is particular to the row behind the reason (ids, dates, lines), or null. */
  detail: string | null;
}

export interface FileSummary extends RowCounts {
  /** The name recorded for the file in this load (its base name, or its path when two share one). */
  file: string;
  path: string;
  kind: FileKind | null;
  status: 'loaded' | 'refused';
  durationMs: number;
  /** Whether the rows went in with the table's constraints dropped and re-validated (bulk-mode.ts). */
  bulk: boolean;
  /** Where the time went: reading into staging (COPY), the database checks, the upsert. */
  phaseMs: { copy: number; check: number; upsert: number };
  /** Why a refused file was refused. */
  message?: string;
  /** Non-fatal remarks, e.g. ignored columns. */
  warnings: string[];
  /** The particulars behind the message or the warnings (header cells as written, a library's words). */
  detail?: string;
  /** The first few rejects of the file, participant identifiers masked. */
  sampleRejects: RowReject[];
}

export interface LoadSummary {
  /** The etl_load row of this load; null when the database could not be reached at all. */
  loadId: number | null;
  status: LoadStatus;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  files: FileSummary[];
  totals: RowCounts;
  /** Time spent refreshing the data derived from the rows (refreshDerivedData), in the load. */
  derivedDataMs: number;
  /** Whether the refresh rebuilt only what the load changed ('incremental') or every table ('full'). */
  derivedRefresh: 'incremental' | 'full' | null;
  /** Path of the rejects CSV, when rows were rejected and a rejects folder was given. */
  rejectsFile: string | null;
  /** Load-wide remarks, e.g. files in a folder that were not CSV files. */
  warnings: string[];
  /** Why the load failed (status failed), in fixed words. */
  message?: string;
  /** The particulars of the failure (paths, the database's or a library's words). */
  detail?: string;
}

export type LoadPhase = 'waiting-for-lock' | 'reading' | 'checking' | 'upserting' | 'file-done' | 'committing' | 'done';

export interface LoadProgress {
  phase: LoadPhase;
  /** Set for the per-file phases. */
  file?: string;
  kind?: FileKind | null;
  /** 1-based position of the file in the load, and the number of files. */
  fileIndex: number;
  fileCount: number;
  rowsRead: number;
  /** Bytes read from disk (compressed bytes for .gz files) and the file's size. */
  bytesRead: number;
  bytesTotal: number;
  /** Milliseconds since this file started (or since the load started, for load-wide phases). */
  elapsedMs: number;
  /** Set with phase file-done. */
  summary?: FileSummary;
}

export interface LoadOptions {
  /** How a FHIR bulk export is read (docs/FHIR_MAPPING.md): the program's time zone, Part 2 consent. */
  fhir?: { timeZone?: string; part2AnalyticsConsent?: boolean };
  /** Called as the load advances; at most a few times a second while a file is read. */
  onProgress?: (progress: LoadProgress) => void;
  /** Folder for the rejects CSV (created if missing). Without it, rejects are only in etl_reject. */
  rejectsDir?: string;
  /** Aborting rolls the load back (nothing is committed) and records it as failed. */
  signal?: AbortSignal;
  /** Recorded in etl_load.source; defaults to the paths given. */
  source?: string;
  /**
   * A folder of the server the files are in that must never be named (the API's upload folder):
   * messages, details and warnings name its files by their names and the folder as "the upload".
   */
  privateFolder?: string;
  /**
   * 'auto' (default): a file that is large and a good part of its table goes in with the table's
   * foreign keys re-validated in one pass instead of per row, several times faster, but the tables
   * involved are locked against readers until the load commits (see bulk-mode.ts). 'off' never
   * does that: readers keep reading during the load. 'always' does it for every file (a first
   * load into an empty database, when nobody reads yet).
   */
  bulk?: 'auto' | 'off' | 'always';
  /**
   * Contract files written by a mapping profile (../mapping), by resolved path: the name each is
   * recorded under (its source's) and the JSON-lines file of the rows the mapping could not map,
   * which become rejects of that file like the loader's own.
   */
  mappedFiles?: ReadonlyMap<string, { name: string; rejectsFile: string | null }>;
}

/** What a load reads: the contract's files as given, or made from another format first (prepared-input.ts). */
export interface PreparedInput {
  files: LoadFile[];
  /** Load-wide remarks about the input (files left alone, resources not read). */
  warnings: string[];
  /** Once the load's record exists: stores the rejects found while preparing. */
  recordPrepared(client: PoolClient, loadId: number): Promise<void>;
  /** After each file: its summary as the load reports it. */
  afterFile(client: PoolClient, loadId: number, summary: FileSummary): Promise<FileSummary>;
  /** Summaries of what is rejected but belongs to no contract file (unreadable lines). */
  extraSummaries(): FileSummary[];
  /** Removes whatever was made; called once the load is over, whatever became of it. */
  cleanup(): Promise<void>;
}

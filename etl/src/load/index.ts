// The loader's public surface (re-exported by the etl package).

export { loadFiles } from './load-files';
export { loadHistory, type LoadFileRecord, type LoadRecord } from './load-record';
export { refreshDerivedData } from './derived-data';
export { LOAD_LOCK_KEY } from './lock';
export { maskParticipantId } from './mask';
export { REJECTS_COLUMNS } from './rejects';
export { neutraliseFormula } from './spreadsheet-safe';
export type {
  FileSummary,
  LoadOptions,
  LoadPhase,
  LoadProgress,
  LoadStatus,
  LoadSummary,
  RowCounts,
  RowReject,
} from './types';

// @iop/metrics: what the figures of docs/METRICS.md are made of, once: the vocabulary, and the
// derived tables the loader refreshes and the API reads. The loader and the API stand on it; it
// stands on neither.

export * from './vocabulary';
export {
  DERIVED_STEPS,
  refreshDerivedTables,
  startDerivedRefresh,
  vacuumDerivedTables,
  type RefreshReport,
} from './derived/refresh';
export { CHANGE_TABLES, type DerivedChanges } from './derived/change-set';
export { refreshParticipantWeekEdges } from './derived/participant-week-edges';
export { episodeWarningCtes } from './derived/episode-warning';
export { OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES, SESSION_SUM_COLUMNS } from './derived/derived-constants';

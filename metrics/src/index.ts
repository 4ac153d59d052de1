// @iop/metrics: what the figures of docs/METRICS.md are made of, once: the vocabulary, and the
// derived tables the loader refreshes, the scope of a query, and each section's SQL with the read
// function that picks which of it answers a scope (derived or live); the API runs it. The loader
// and the API stand on it; it stands on neither.

export * from './vocabulary';
export {
  createDerivedTables,
  DERIVED_STEPS,
  refreshDerivedTables,
  startDerivedRefresh,
  vacuumDerivedTables,
  type RefreshReport,
} from './derived/refresh';
export { CHANGE_TABLES, type DerivedChanges } from './derived/change-set';
export { DERIVED_SCHEMA, DERIVED_TABLE_DEFINITIONS } from './derived/derived-schema';
export { refreshParticipantWeekEdges } from './derived/participant-weeks';
export { episodeWarningCtes } from './derived/episode-warning';
export { ageBandSql, coOccurringSql, episodeGroupCtes } from './derived/episode-covariates';
export { OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES, SESSION_SUM_COLUMNS } from './derived/derived-constants';
export * from './scope';
export * from './read';
export * from './overview/overview.sql';
export * from './attendance/attendance.sql';
export * from './attendance/intensity.sql';
export * from './attendance/session-accountability.sql';
export * from './accountability/episode-accountability.sql';
export * from './retention/retention.sql';
export * from './feedback/session-feedback.sql';
export * from './sobriety/sobriety.sql';
export * from './drilldown/drilldown.sql';
export * from './definitions';
export * from './comparison-period';
export * from './cohort-trends/cohort-trends.sql';
export * from './adjusted/adjusted.sql';
export * from './adjusted/group-funnel.sql';
export * from './early-warning/early-warning.sql';
export * from './overview/overview.read';
export * from './attendance/attendance.read';
export * from './attendance/intensity.read';
export * from './attendance/session-accountability.read';
export * from './accountability/episode-accountability.read';
export * from './retention/retention.read';
export * from './feedback/session-feedback.read';
export * from './sobriety/sobriety.read';
export * from './drilldown/drilldown.read';
export * from './adjusted/adjusted.read';
export * from './adjusted/group-funnel.read';
export * from './early-warning/early-warning.read';

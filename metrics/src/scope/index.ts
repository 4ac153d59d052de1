// The scope every figure is computed over (docs/METRICS.md, "Scope of a query"): the episodes and
// the session rows of a period, sites and group types, live from the source rows or from the
// derived tables.
export * from './scope';
export * from './episode-scope.sql';
export * from './admission-months.sql';
export * from './session-scope.sql';
export * from './derived-session-scope.sql';
export * from './breakdown-cell';

// @iop/etl: the streaming loader for the data contract (see docs/DATA_CONTRACT.md), and the demo
// data generator the API uses to fill an empty database on first start (also `npm run demo:data`).

export * from './load';
export {
  generateDemoData,
  DEFAULT_END_DATE,
  type DemoOptions,
  type DemoProgress,
  type DemoSummary,
} from './demo/generate';
export { episodeWarningCtes, WARNING_ATTENDED_DAYS, WARNING_RECENT_DAYS } from './derived/episode-warning';
export { OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES, SESSION_SUM_COLUMNS } from './derived/derived-constants';

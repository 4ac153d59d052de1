// @iop/etl: the streaming loader for the data contract (see docs/DATA_CONTRACT.md), and the demo
// data generator the API uses to fill an empty database on first start (also `npm run demo:data`).

export * from './load';
export * from './mapping';
export {
  generateDemoData,
  DEFAULT_END_DATE,
  type DemoOptions,
  type DemoProgress,
  type DemoSummary,
} from './demo/generate';
/** The demo's seeded generator, for tests that draw random cases and must replay a failure. */
export { createRng, type Rng } from './demo/prng';
export {
  InboxWatcher,
  runInboxOnce,
  prepareDropFiles,
  INBOX_FOLDERS,
  READY_MARKER,
  type DropOutcome,
  type InboxOptions,
} from './inbox';

// @iop/etl: the streaming loader for the data contract (see docs/DATA_CONTRACT.md).

export * from './load';

// The demo program generator (also `npm run demo:data`).
export { generateDemoData, DEFAULT_END_DATE, type DemoSummary } from './demo/generate';

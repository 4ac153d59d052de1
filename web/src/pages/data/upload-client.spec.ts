import { describeProgress, isUploadFinished, type UploadState } from './upload-client';

const progress = (overrides: Partial<UploadState['progress']>): UploadState['progress'] => ({
  file: 'attendance.csv',
  rowsRead: 1234,
  bytesRead: 40,
  bytesTotal: 100,
  ...overrides,
});

describe('describeProgress', () => {
  test.each<[string, UploadState['status'], UploadState['progress'], string]>([
    ['queued', 'queued', progress({}), 'Waiting for the loader to start…'],
    ['a file being read', 'running', progress({}), 'Reading attendance.csv: 1,234 rows read (40%)'],
    ['one row', 'running', progress({ rowsRead: 1 }), 'Reading attendance.csv: 1 row read (40%)'],
    ['no total known', 'running', progress({ bytesTotal: 0 }), 'Reading attendance.csv: 1,234 rows read'],
    ['between files', 'running', progress({ file: null }), '1,234 rows read (40%)'],
    ['never above 100%', 'running', progress({ bytesRead: 120 }), 'Reading attendance.csv: 1,234 rows read (100%)'],
  ])('%s', (_name, status, p, text) => {
    expect(describeProgress({ status, progress: p })).toBe(text);
  });
});

describe('isUploadFinished', () => {
  test.each([
    ['queued', false],
    ['running', false],
    ['succeeded', true],
    ['partial', true],
    ['failed', true],
  ] as const)('%s → %s', (status, finished) => {
    expect(isUploadFinished(status)).toBe(finished);
  });
});

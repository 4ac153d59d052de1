import {
  describeOutcome,
  describeProgress,
  isUploadFinished,
  type UploadFileSummary,
  type UploadState,
} from './upload-client';

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

describe('describeOutcome', () => {
  const file = (overrides: Partial<UploadFileSummary>): UploadFileSummary => ({
    fileName: 'sites.csv',
    kind: 'sites',
    status: 'loaded',
    read: 2,
    inserted: 2,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    message: null,
    ...overrides,
  });
  const refused = file({ status: 'refused', read: 0, inserted: 0, message: 'the file is not CSV' });
  const allRejected = file({ fileName: 'groups.csv', inserted: 0, rejected: 2 });
  const outcome = (status: UploadState['status'], files: UploadFileSummary[] | null) =>
    describeOutcome({ status, summary: files && { loadId: 7, status, files } });

  test.each<[string, UploadState['status'], UploadFileSummary[] | null, RegExp]>([
    [
      'every file refused',
      'partial',
      [refused, { ...refused, fileName: 'groups.csv' }],
      /^Nothing was loaded: every file was refused/,
    ],
    [
      'every row rejected or its file refused',
      'partial',
      [refused, allRejected],
      /^Nothing was loaded: every row was rejected/,
    ],
    [
      'some rows accepted',
      'partial',
      [file({}), allRejected],
      /^Loaded with problems: .* The figures include what was accepted\.$/,
    ],
    [
      'only unchanged rows accepted',
      'partial',
      [file({ inserted: 0, unchanged: 2 }), refused],
      /^Loaded with problems/,
    ],
    ['everything accepted', 'succeeded', [file({})], /^Loaded: every file and row was accepted/],
    ['a failed load', 'failed', null, /^The load failed and nothing was stored\.$/],
  ])('%s', (_name, status, files, text) => {
    expect(outcome(status, files)).toMatch(text);
  });

  it('never says that the figures include anything when every file was refused', () => {
    expect(outcome('partial', [refused])).not.toMatch(/include/);
  });
});

import { formatSummary } from './summary-report';
import type { FileSummary, LoadSummary } from './types';

function file(name: string, read: number): FileSummary {
  return {
    file: name,
    path: `/data/${name}`,
    kind: null,
    status: 'loaded',
    durationMs: 1500,
    bulk: false,
    phaseMs: { copy: 0, check: 0, upsert: 0 },
    warnings: [],
    sampleRejects: [],
    read,
    inserted: read,
    updated: 0,
    unchanged: 0,
    rejected: 0,
  };
}

describe('formatSummary', () => {
  it('keeps the count columns aligned when a file has millions of rows', () => {
    const files = [file('sites.csv', 3), file('participants.csv', 100_000), file('attendance.csv', 4_012_103)];
    const summary: LoadSummary = {
      loadId: 1,
      status: 'succeeded',
      startedAt: '2026-11-26T00:00:00Z',
      finishedAt: '2026-11-26T00:00:05Z',
      durationMs: 5000,
      files,
      totals: { read: 4_112_106, inserted: 4_112_106, updated: 0, unchanged: 0, rejected: 0 },
      derivedDataMs: 0,
      derivedRefresh: 'full',
      rejectsFile: null,
      warnings: [],
    };
    const [heading, ...rows] = formatSummary(summary).split('\n').slice(0, 4);
    // Every number ends where its heading ends, and a column never runs into the file name.
    for (const column of ['read', 'inserted', 'time']) {
      const end = heading!.indexOf(column) + column.length;
      for (const row of rows) expect(row[end - 1]).not.toBe(' ');
      for (const row of rows) expect(row[end] ?? ' ').toBe(' ');
    }
    expect(rows[1]).toMatch(/^ {2}participants\.csv +100,000 +100,000 /);
    expect(rows[2]).toMatch(/^ {2}attendance\.csv +4,012,103 +4,012,103 /);
  });
});

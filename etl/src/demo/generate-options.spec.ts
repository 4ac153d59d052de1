// Determinism and the options of generateDemoData; the contract checks are in generate.spec.ts.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData } from './generate';
import { dayOf, FILE_KINDS, readDemoOutput } from './testing/demo-output';

describe('generateDemoData options', () => {
  let root: string;
  const END = '2026-10-31';
  const read = (dir: string, kind: string): Promise<string> => readFile(join(root, dir, `${kind}.csv`), 'utf8');

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'demo-options-'));
    await generateDemoData({ outDir: join(root, 'a'), participants: 300, seed: 7, endDate: END });
  }, 30_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  describe('determinism', () => {
    it('writes identical bytes for the same options', async () => {
      await generateDemoData({ outDir: join(root, 'same'), participants: 300, seed: 7, endDate: END });
      for (const kind of FILE_KINDS) {
        const [first, again] = await Promise.all([read('a', kind), read('same', kind)]);
        expect({ kind, same: again === first }).toEqual({ kind, same: true });
      }
    });

    it('tells apart seeds that differ only above 32 bits', async () => {
      await generateDemoData({ outDir: join(root, 'big-1'), participants: 5, seed: 1, endDate: END });
      await generateDemoData({ outDir: join(root, 'big-2'), participants: 5, seed: 2 ** 32 + 1, endDate: END });
      expect(await read('big-2', 'enrollments')).not.toEqual(await read('big-1', 'enrollments'));
    });

    it('writes different data for a different seed', async () => {
      await generateDemoData({ outDir: join(root, 'other'), participants: 300, seed: 8, endDate: END });
      for (const kind of ['enrollments', 'attendance', 'feedback', 'sobriety'] as const) {
        expect(await read('other', kind)).not.toEqual(await read('a', kind));
      }
    });
  });

  it('honours endDate: a year of sessions ending on it', async () => {
    const result = await generateDemoData({
      outDir: join(root, 'end'),
      participants: 40,
      seed: 3,
      endDate: '2025-03-15',
    });
    const sessions = (await readDemoOutput(join(root, 'end'))).rows.sessions.map((row) => dayOf(row.session_date));
    expect(result.startDate).toBe('2024-03-16');
    expect(Math.max(...sessions)).toBeLessThanOrEqual(dayOf('2025-03-15'));
    expect(Math.min(...sessions)).toBeGreaterThanOrEqual(dayOf('2024-03-16'));
  });

  it('reports progress through every stage', async () => {
    const stages: string[] = [];
    await generateDemoData({
      outDir: join(root, 'progress'),
      participants: 20,
      seed: 1,
      onProgress: (p) => stages.push(p.stage),
    });
    expect([...new Set(stages)]).toEqual(['plan', 'rosters', 'reference', 'activity', 'done']);
  });

  it.each([
    [{ participants: 0 }, /participants/],
    [{ participants: 2.5 }, /participants/],
    [{ seed: Number.NaN }, /seed/],
    [{ endDate: '2026-02-30' }, /calendar date/],
    [{ endDate: '10/31/2026' }, /YYYY-MM-DD/],
  ])('rejects bad options %p', async (bad, message) => {
    await expect(generateDemoData({ outDir: join(root, 'bad'), participants: 10, seed: 1, ...bad })).rejects.toThrow(
      message,
    );
  });
});

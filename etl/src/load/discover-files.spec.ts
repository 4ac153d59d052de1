import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverFiles } from './discover-files';
import { LoadRefusedError } from './errors';

describe('finding the files of a load', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'iop-discover-'));
    for (const name of ['sobriety.csv', 'Sites.CSV', 'attendance.csv.gz', 'visits.csv', 'README.md', '.hidden.csv']) {
      await writeFile(path.join(dir, name), 'x\n');
    }
    await mkdir(path.join(dir, 'archive'));
    await mkdir(path.join(dir, 'other'));
    await writeFile(path.join(dir, 'other', 'sites.csv'), 'x\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the CSV files of a folder in the contract order, unknown kinds last', async () => {
    const { files, ignored } = await discoverFiles([dir]);
    expect(files.map((f) => [f.name, f.kind, f.gzip])).toEqual([
      ['Sites.CSV', 'sites', false],
      ['attendance.csv.gz', 'attendance', true],
      ['sobriety.csv', 'sobriety', false],
      ['visits.csv', null, false],
    ]);
    expect(ignored).toEqual([path.join(dir, 'README.md')]);
  });

  it('takes a file given twice (alone and in its folder) once', async () => {
    const { files } = await discoverFiles([dir, path.join(dir, 'sobriety.csv')]);
    expect(files.filter((f) => f.kind === 'sobriety')).toHaveLength(1);
  });

  it('refuses two files of the same kind', async () => {
    // The paths are only in the detail: the message is stored for users who may not see them.
    const refusal = await discoverFiles([dir, path.join(dir, 'other', 'sites.csv')]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(LoadRefusedError);
    expect((refusal as LoadRefusedError).message).toBe(
      'more than one file of the same kind (sites); give one file per kind',
    );
    expect((refusal as LoadRefusedError).detail).toMatch(/^sites: .*sites\.csv, .*sites\.csv$/i);
  });

  it('refuses a path that does not exist, and a folder without CSV files', async () => {
    await expect(discoverFiles([path.join(dir, 'nope')])).rejects.toThrow(LoadRefusedError);
    await expect(discoverFiles([path.join(dir, 'archive')])).rejects.toThrow(
      /holds no \.csv, \.csv\.gz or \.xlsx files/,
    );
    await expect(discoverFiles([])).rejects.toThrow('no files or folders were given');
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateDemoData, loadFiles } from '@iop/etl';
import { setDerivedDataEnabled } from '../episodes';
import { ApiTestServer, startApiTestServer } from './api-test-server';

export interface LoadedDemoApi {
  api: ApiTestServer;
  /** The generated demo files (a spec may load them again). */
  demoDir: string;
  /** Stops the API, drops its database, removes the files, and turns the derived tables back on. */
  close(): Promise<void>;
}

/**
 * The real API over its own database, loaded by the real loader with a generated demo program,
 * then with each of `extraLoads` (CSV files by name, as lines) in a load of its own.
 */
export async function startLoadedDemoApi(
  demo: { participants: number; seed: number },
  extraLoads: Record<string, string[]>[] = [],
): Promise<LoadedDemoApi> {
  const api = await startApiTestServer();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'iop-demo-api-'));
  const close = async () => {
    setDerivedDataEnabled(true);
    await api.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const demoDir = path.join(dir, 'demo');
    await generateDemoData({ outDir: demoDir, ...demo });
    const folders = [demoDir];
    for (const [i, files] of extraLoads.entries()) {
      const folder = path.join(dir, `extra-${i + 1}`);
      await mkdir(folder);
      for (const [file, lines] of Object.entries(files))
        await writeFile(path.join(folder, file), lines.join('\n') + '\n');
      folders.push(folder);
    }
    for (const folder of folders) {
      const summary = await loadFiles(api.db.url, [folder]);
      if (summary.status !== 'succeeded') throw new Error(`loading ${folder} ended ${summary.status}`);
    }
    return { api, demoDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withClient, type AppConfig } from '@iop/db';
import { generateDemoData, loadFiles } from '@iop/etl';
import { createDemoUsers } from './demo-users';

/**
 * On first start the database is empty: generate the demo program (deterministic for its seed)
 * and load it through the real loader, so that the dashboard has something to show.
 */
export async function seedDemoDataIfEmpty(url: string, config: AppConfig, log: (line: string) => void): Promise<void> {
  if (!(await isEmpty(url))) return;
  const { participants, seed } = config.demo;
  log(`Empty database: generating demo data (${participants} participants, seed ${seed})…`);
  const dir = await mkdtemp(path.join(tmpdir(), 'iop-demo-'));
  try {
    await generateDemoData({ outDir: dir, participants, seed });
    const summary = await loadFiles(url, [dir]);
    log(`Loaded the demo data: ${summary.totals.inserted.toLocaleString('en-US')} rows.`);
    await withClient(url, (client) =>
      createDemoUsers({ query: async (sql, params) => (await client.query(sql, params)).rows }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function isEmpty(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM site) OR EXISTS (SELECT 1 FROM etl_load) AS any',
    );
    return !rows[0].any;
  });
}

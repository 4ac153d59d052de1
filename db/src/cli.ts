import { loadConfig } from './config/config';
import { createDataSource, migrate } from './data-source';
import { startDatabaseServer } from './bootstrap/database-server';

const USAGE = 'usage: npm run db:migrate | npm run db:revert';

/** `migrate` applies pending migrations; `revert` undoes the latest one. Works on either database. */
export async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command !== 'migrate' && command !== 'revert') {
    console.error(USAGE);
    return 64;
  }
  const config = loadConfig();
  const server = await startDatabaseServer(config, (line) => console.error(line));
  try {
    if (command === 'migrate') {
      const applied = await migrate(server.url);
      console.error(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
    } else {
      const ds = await createDataSource(server.url, { poolSize: 1 }).initialize();
      try {
        await ds.undoLastMigration({ transaction: 'each' });
        console.error('Reverted the latest migration.');
      } finally {
        await ds.destroy();
      }
    }
    return 0;
  } finally {
    await server.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}

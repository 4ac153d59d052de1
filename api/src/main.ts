import 'reflect-metadata';
import path from 'node:path';
import { AppConfig, ConfigError, loadConfig, migrate, startDatabaseServer } from '@iop/db';
import { checkUsers } from './bootstrap/check-users';
import { seedDemoDataIfEmpty } from './bootstrap/demo-seed';
import { startServer } from './server';

/**
 * `npm start`: one process that brings up the database (embedded unless DATABASE_URL is set),
 * applies migrations, loads demo data into an empty database, and serves the API and the
 * dashboard on one port. Ctrl-C (SIGINT) or SIGTERM stops everything cleanly.
 */
async function main(config: AppConfig): Promise<void> {
  const log = (line: string) => console.log(line);
  const database = await startDatabaseServer(config, log);
  let stopping = false;
  const stopDatabase = async () =>
    database.stop().catch((e: unknown) => console.error(`Stopping the database: ${String(e)}`));
  try {
    const applied = await migrate(database.url);
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
    if (config.demo.enabled) await seedDemoDataIfEmpty(database.url, config, log);
    const { problems, signIns } = await checkUsers(database.url, config);
    if (problems.length) {
      throw new Error(`refusing to start in production:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    const server = await startServer({
      databaseUrl: database.url,
      production: config.nodeEnv === 'production',
      logSql: config.logSql,
      inbox: config.inbox && { inbox: config.inbox, fhir: config.fhir },
      host: config.http.host,
      port: config.http.port,
      trustProxy: config.trustProxy,
      webRoot: path.join(config.projectRoot, 'web', 'dist'),
    });
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`\n${signal}: finishing requests and stopping…`);
      await server.close();
      await stopDatabase();
      log('Stopped.');
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    log(`\nIOP outcomes dashboard: ${server.url}/`);
    log(`GraphQL API:             ${server.url}/graphql`);
    log(`Database:                ${database.embedded ? `embedded (${config.embedded.dataDir})` : 'DATABASE_URL'}`);
    if (signIns.length) log(`Demo sign-ins (development only):\n${signIns.join('\n')}`);
    log('Press Ctrl-C to stop.');
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

/** Loads the configuration and starts; prints a readable reason and rejects if it cannot. */
export async function runMain(): Promise<void> {
  try {
    await main(loadConfig());
  } catch (error) {
    const reason =
      error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
    console.error(`Could not start: ${reason}`);
    throw error;
  }
}

if (require.main === module) runMain().catch(() => process.exit(1));

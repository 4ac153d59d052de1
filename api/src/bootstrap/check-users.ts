import { withClient, type AppConfig } from '@iop/db';
import { demoSignInLines } from './demo-users';
import { productionProblems } from './production-check';

/** Before serving: why production must not start (if so), and the demo sign-ins to print. */
export async function checkUsers(url: string, config: AppConfig): Promise<{ problems: string[]; signIns: string[] }> {
  return withClient(url, async (client) => {
    const db = { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[] };
    const problems = await productionProblems(config, db);
    const signIns = config.nodeEnv === 'production' ? [] : await demoSignInLines(db);
    return { problems, signIns };
  });
}

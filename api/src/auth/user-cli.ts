import { Command, CommanderError } from 'commander';
import { loadConfig, migrate, startDatabaseServer } from '@iop/db';
import { Pool } from 'pg';
import { generatePassword, hashPassword, passwordProblem } from './password';
import { isRole, ROLES } from './roles';
import { USERNAME_PATTERN, UserStore } from './user-store';

/**
 * `npm run user -- add|list|disable|reset-password …`: manage dashboard users from the command
 * line, on DATABASE_URL or the embedded database (also while `npm start` runs).
 */
export async function main(argv: string[], input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  let action: ((users: UserStore) => Promise<void>) | undefined;
  const fail = (message: string) => {
    throw new CommanderError(1, 'user', message);
  };

  const program = new Command('npm run user --')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .description('Manage the users of the IOP outcomes dashboard');
  program
    .command('add <username>')
    .description('create a user; prints a generated password unless --password-stdin')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--sites <ids>', 'comma-separated site IDs the user is limited to (default: every site)')
    .option('--password-stdin', 'read the password from standard input')
    .action((username: string, opts: { role: string; sites?: string; passwordStdin?: boolean }) => {
      action = async (users) => {
        if (!USERNAME_PATTERN.test(username.toLowerCase())) {
          fail('The user name must be 3-64 characters: letters, digits, . _ @ -, starting with a letter or digit.');
        }
        if (!isRole(opts.role)) fail(`--role must be one of ${ROLES.join(', ')} (got "${opts.role}").`);
        const siteIds = opts.sites
          ? [
              ...new Set(
                opts.sites
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              ),
            ]
          : null;
        if (siteIds) {
          const unknown = await users.unknownSites(siteIds);
          if (unknown.length) fail(`No such site: ${unknown.join(', ')}.`);
        }
        if (await users.findByUsername(username)) fail(`A user named "${username.toLowerCase()}" exists already.`);
        const password = await choosePassword(opts.passwordStdin, input, fail);
        const role = opts.role as (typeof ROLES)[number];
        await users.create({ username, passwordHash: await hashPassword(password.value), role, siteIds });
        out(`Added ${username.toLowerCase()} (${role}${siteIds ? `, sites ${siteIds.join(', ')}` : ', every site'}).`);
        if (password.generated) out(`Password: ${password.value}`);
      };
    });
  program
    .command('list')
    .description('list users with their role, sites and state')
    .action(() => {
      action = async (users) => {
        for (const u of await users.list()) {
          const state = u.disabledAt ? 'disabled' : u.isDemo ? 'demo' : 'active';
          out(`${u.username.padEnd(24)} ${u.role.padEnd(9)} ${state.padEnd(9)} ${u.siteIds?.join(',') ?? 'all sites'}`);
        }
      };
    });
  program
    .command('disable <username>')
    .description('disable a user and end their sessions')
    .action((username: string) => {
      action = async (users) => {
        if (!(await users.disable(username))) fail(`No user named "${username.toLowerCase()}".`);
        out(`Disabled ${username.toLowerCase()}; their sessions are ended.`);
      };
    });
  program
    .command('reset-password <username>')
    .description('set a new password (generated unless --password-stdin), re-enable, end sessions')
    .option('--password-stdin', 'read the password from standard input')
    .action((username: string, opts: { passwordStdin?: boolean }) => {
      action = async (users) => {
        if (!(await users.findByUsername(username))) fail(`No user named "${username.toLowerCase()}".`);
        const password = await choosePassword(opts.passwordStdin, input, fail);
        await users.resetPassword(username, await hashPassword(password.value));
        out(`New password set for ${username.toLowerCase()}; their other sessions are ended.`);
        if (password.generated) out(`Password: ${password.value}`);
      };
    });

  try {
    program.parse(argv, { from: 'user' });
    if (!action) {
      program.outputHelp();
      return 64;
    }
    const server = await startDatabaseServer(loadConfig());
    const pool = new Pool({ connectionString: server.url, max: 1 });
    try {
      await migrate(server.url);
      await action(new UserStore({ query: async (sql, params) => (await pool.query(sql, params)).rows }));
    } finally {
      await pool.end();
      await server.stop();
    }
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode !== 0 && error.code === 'user') process.stderr.write(`${error.message}\n`);
      return error.exitCode === 0 ? 0 : error.code === 'user' ? 1 : 64;
    }
    throw error;
  }
  return 0;
}

async function choosePassword(
  fromStdin: boolean | undefined,
  input: NodeJS.ReadableStream,
  fail: (message: string) => never,
): Promise<{ value: string; generated: boolean }> {
  if (!fromStdin) return { value: generatePassword(), generated: true };
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  const value = text.replace(/\r?\n$/, '');
  const problem = passwordProblem(value);
  if (problem) fail(`The password ${problem}.`);
  return { value, generated: false };
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

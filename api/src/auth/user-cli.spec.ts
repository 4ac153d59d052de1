import { Readable } from 'node:stream';
import { createTestDatabase, TestDatabase } from '@iop/db';
import { Client } from 'pg';
import { verifyPassword } from './password';

// `npm run user -- …` against a real database (the CLI reads DATABASE_URL like every command).
let db: TestDatabase;
let output: string[];
let main: typeof import('./user-cli').main;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  ({ main } = await import('./user-cli'));
  const client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query(`INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South')`);
  await client.end();
});
afterAll(() => db?.drop());

beforeEach(() => {
  output = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
});
afterEach(() => jest.restoreAllMocks());

const stdin = (text: string) => Readable.from([text]);

async function storedUser(username: string) {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query(`SELECT * FROM app_user WHERE username = $1`, [username]);
  await client.end();
  return rows[0];
}

it('adds a user with a generated password, printed once', async () => {
  expect(await main(['add', 'Ana.Director', '--role', 'director'])).toBe(0);
  expect(output.join('')).toMatch(/^Added ana.director \(director, every site\)\.\nPassword: \S{20}\n$/);
  const password = output.join('').match(/Password: (\S+)/)![1];
  const user = await storedUser('ana.director');
  expect(user.role).toBe('director');
  expect(user.password_hash).not.toContain(password);
  expect(await verifyPassword(password, user.password_hash)).toBe(true);
});

it('adds a site-limited user with a password from standard input', async () => {
  expect(
    await main(
      ['add', 'sam', '--role', 'quality', '--sites', 'S2, S1', '--password-stdin'],
      stdin('a-long-password\n'),
    ),
  ).toBe(0);
  expect(output.join('')).toBe('Added sam (quality, sites S2, S1).\n');
  const user = await storedUser('sam');
  expect(user.site_ids).toEqual(['S2', 'S1']);
  expect(await verifyPassword('a-long-password', user.password_hash)).toBe(true);
});

it.each([
  [['add', 'xena', '--role', 'admin'], '--role must be one of director, quality, funder (got "admin").'],
  [['add', 'bob', '--role', 'funder', '--sites', 'S9'], 'No such site: S9.'],
  [['add', 'ana.director', '--role', 'funder'], 'A user named "ana.director" exists already.'],
  [['add', 'b', '--role', 'funder'], 'The user name must be 3-64 characters'],
  [['disable', 'nobody'], 'No user named "nobody".'],
])('refuses %j with a clear message', async (argv, message) => {
  expect(await main(argv)).toBe(1);
  expect(output.join('')).toContain(message);
});

it('refuses a short password', async () => {
  expect(await main(['add', 'kim', '--role', 'funder', '--password-stdin'], stdin('short\n'))).toBe(1);
  expect(output.join('')).toContain('The password must be at least 12 characters.');
});

it('lists, disables and resets', async () => {
  expect(await main(['disable', 'sam'])).toBe(0);
  expect(await main(['list'])).toBe(0);
  expect(output.join('')).toContain('sam                      quality   disabled  S2,S1');
  expect(await main(['reset-password', 'sam', '--password-stdin'], stdin('another-long-one'))).toBe(0);
  const user = await storedUser('sam');
  expect(user.disabled_at).toBeNull();
  expect(await verifyPassword('another-long-one', user.password_hash)).toBe(true);
});

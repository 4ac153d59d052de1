// Helpers for the npm scripts. Plain Node with no dependencies: they run before `npm ci` has.
const { spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** Installs dependencies (`npm ci`) when node_modules is missing or older than the lock file. */
function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.error('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund'], { shell: process.platform === 'win32' });
}

/** Runs Nx from its own bin with this Node (no npx wrapper left behind on Ctrl-C). */
function nx(args) {
  return run(process.execPath, [path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), ...args], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
}

/** Builds what the command needs (cached by Nx: instant when nothing changed). */
function build(projects = ['db', 'metrics', 'etl', 'api', 'web']) {
  nx(['run-many', '-t', 'build', '-p', projects.join(','), '--output-style=static']);
}

// What these helpers run (npm ci, the build) is progress, never the command's data: its output
// goes to stderr, so that `npm run etl -- load … --json | jq` gets only the JSON on stdout.
const PROGRESS_TO_STDERR = ['inherit', process.stderr.fd, 'inherit'];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: PROGRESS_TO_STDERR, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result;
}

module.exports = { root, ensureDependencies, build, nx };

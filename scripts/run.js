// `node scripts/run.js <built entry> [args…]`: the npm scripts' way to run a command from a fresh
// clone: install if needed, build (cached), then run the entry in this process with the args.
const path = require('node:path');
const { root, ensureDependencies, build } = require('./lib');

const [entry, ...args] = process.argv.slice(2);
ensureDependencies();
build(['db', 'metrics', 'etl', 'api']);
process.argv = [process.argv[0], path.join(root, entry), ...args];
const main = require(path.join(root, entry)).main;
Promise.resolve(main(args)).then(
  (code) => {
    process.exitCode = typeof code === 'number' ? code : 0;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);

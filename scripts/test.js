// `npm test`: install if needed, then lint, type-check and test every project against a real
// Postgres (DATABASE_URL when set, otherwise an embedded server started for the run).
const { ensureDependencies, nx } = require('./lib');

ensureDependencies();
nx(['run-many', '-t', 'lint', 'typecheck', 'test', '--output-style=static', ...process.argv.slice(2)]);

// `npm start`: install if needed, build, then run the server in this process
// (database, migrations, demo data on first start, API and dashboard on one port).
const path = require('node:path');
const { root, ensureDependencies, build } = require('./lib');

ensureDependencies();
build();
require(path.join(root, 'api', 'dist', 'main.js'))
  .runMain()
  .catch(() => process.exit(1));

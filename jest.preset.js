// Shared Jest settings: SWC transpiles TypeScript (keeping decorator metadata for Nest),
// workspace imports resolve to source, and every test runs in UTC so ISO weeks and dates are stable.
const path = require('node:path');

process.env.TZ = 'UTC';

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@iop/(db|metrics|etl|api)$': path.join(root, '$1/src/index.ts'),
    '^@iop/(db|metrics|etl|api)/(.*)$': path.join(root, '$1/src/$2'),
  },
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: path.join(root, 'db/src/testing/global-setup.ts'),
  globalTeardown: path.join(root, 'db/src/testing/global-teardown.ts'),
};

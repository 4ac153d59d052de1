// Root config: `npx jest <path>` runs any test of any project (CI goes through Nx instead).
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['<rootDir>/db', '<rootDir>/metrics', '<rootDir>/etl', '<rootDir>/api', '<rootDir>/web', '<rootDir>/test'],
};

const preset = require('../jest.preset');

// Data-shaping functions are pure: no database needed, so no global setup.
module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  globalSetup: undefined,
  globalTeardown: undefined,
};

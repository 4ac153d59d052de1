const preset = require('../jest.preset');

module.exports = { ...preset, displayName: 'api', rootDir: __dirname, testTimeout: 60_000 };

const preset = require('../jest.preset');

module.exports = { ...preset, displayName: 'metrics', rootDir: __dirname, testTimeout: 60_000 };

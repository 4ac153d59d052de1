const preset = require('../jest.preset');

module.exports = { ...preset, displayName: 'etl', rootDir: __dirname, testTimeout: 60_000 };

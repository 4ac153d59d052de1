const preset = require('../jest.preset');

module.exports = { ...preset, displayName: 'db', rootDir: __dirname, testTimeout: 60_000 };

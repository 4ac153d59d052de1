const preset = require('../jest.preset');

// End-to-end suites start real processes (servers, databases, a browser): one at a time, with time.
module.exports = { ...preset, displayName: 'test', rootDir: __dirname, testTimeout: 180_000 };

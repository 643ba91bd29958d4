// One config, two projects: fast pure unit tests and end-to-end suites against real services.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
// swc rewrites the @app/* aliases itself (global setup is not module-mapped); it wants an absolute base.
swc.jsc.baseUrl = __dirname;

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: { '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  rootDir: __dirname,
};

module.exports = {
  // End-to-end hooks start processes; Jest reads the timeout from the root config only.
  testTimeout: 60000,
  projects: [
    // The suites' own helpers that compute (the outsider audit) are unit-tested with the code.
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/support/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};

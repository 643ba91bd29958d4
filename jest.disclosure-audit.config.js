// The seeded disclosure histories, audited by the outsider's LP: run on their own (`npm run test:disclosure-audit`)
// until the publication audit passes every history; `npm test` runs the fixed cases in test/disclosure-cases.
const base = require('./jest.config');

const e2e = base.projects.find((p) => p.displayName === 'e2e');
module.exports = {
  testTimeout: base.testTimeout,
  projects: [
    {
      ...e2e,
      displayName: 'disclosure-audit',
      testMatch: ['<rootDir>/test/disclosure-sequences.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
  ],
};

// Unit specs (src/**/*.spec.ts) and e2e specs against a real PostgreSQL (test/**/*.e2e-spec.ts).
const swc = ['@swc/jest', require('./test/swc-options.cjs')];
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60000,
};

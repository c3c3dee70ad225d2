// Two projects: fast unit tests (pure core, hosts against the fake Excel, CLI) and
// browser tests (Debian Chromium via playwright-core against the built offline page).
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2020' }, module: { type: 'commonjs' } }] };
module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/src/**/*.test.ts'], transformIgnorePatterns: ['/node_modules/'] },
    { displayName: 'browser', testEnvironment: 'node', transform, testMatch: ['<rootDir>/test/browser/**/*.test.ts'], globalSetup: '<rootDir>/test/browser/global-setup.js', setupFilesAfterEnv: ['<rootDir>/test/browser/setup-after-env.ts'], maxWorkers: 1 },
  ],
  testTimeout: 60000,
};

/** Tests run through swc (no type-checking here: `npm test` runs `tsc --noEmit` first). */
const os = require('os');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  setupFiles: ['<rootDir>/test/setup/skip-cfn-validation.ts'],
  // Templates first (code becomes a placeholder naming its source), then any remaining asset hash.
  snapshotSerializers: ['<rootDir>/test/setup/template-serializer.ts', '<rootDir>/test/setup/asset-hash-serializer.ts'],
  testTimeout: 300000,
  // At least two workers: jest's default (cores - 1) runs one on a 2-core CI machine and
  // leaves the other core idle while the parent process only waits. Memory is not the
  // limit (each worker peaks under 2 GB).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  // One temporary folder per run, removed at the end: tests leave nothing in the temp dir.
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};

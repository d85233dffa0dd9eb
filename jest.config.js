/** Jest runs TypeScript and NestJS 12's ESM-only packages through SWC (see docs/testing notes in README). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@bull-board)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // A bound against hangs, not a timing: e2e tests on a shared 2-core CI machine (load average 8–12)
  // take several times longer than on a quiet one; their condition waits have deadlines of their own.
  testTimeout: 180000,
  maxWorkers: 2,
  // A worker keeps what each file's app left behind (Nest, TypeORM, BullMQ, Chromium clients) and grew to
  // ~2 GB RSS over a run, each collection of its heap slower than the last: past 1 GB after a file, it is
  // replaced by a fresh one (about a second; the SWC transform cache is on disk and survives it).
  workerIdleMemoryLimit: '1GB',
};

import { availableParallelism } from 'node:os';

/** Jest runs the TypeScript sources as ES modules through ts-jest. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', isolatedModules: true }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Suites run side by side, so a test's wall time includes waiting for a core (a 1 s test took over 30 s
  // with the machine's load at 17): the timeout guards against hangs, not against a busy machine.
  testTimeout: 120_000,
  // Jest's default is one worker less than the cores: on a 2-core machine, one suite at a time, while many
  // suites only wait on child processes (the built action and its GitHub write spacing, git, kubectl,
  // pre-commit, npm pack). One worker per core; the end-to-end suites overlap their own waits.
  maxWorkers: availableParallelism(),
  testSequencer: '<rootDir>/test/helpers/longest-suites-first.cjs',
  reporters: ['default', '<rootDir>/test/helpers/plain-summary-reporter.cjs'],
};

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
  testTimeout: 30000,
  // Jest's default is one worker less than the cores: on a 2-core machine, one suite at a time. Many suites
  // spend their time waiting on child processes (the built action and its GitHub write spacing, git, kubectl,
  // pre-commit, npm pack), so one worker more than the cores keeps every core busy.
  maxWorkers: availableParallelism() + 1,
  reporters: ['default', '<rootDir>/test/helpers/plain-summary-reporter.cjs'],
};

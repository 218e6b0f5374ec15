/** ESM TypeScript under jest: the @actions/* packages are import-only. */
export default {
  preset: 'ts-jest/presets/default-esm',
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true }],
  },
  // Go-backed tests build real modules; give them room on a 2-core machine.
  testTimeout: 120000,
  maxWorkers: 2,
  // The suites that run Go benchmarks and judge their timings (or hold a wall-clock limit), marked
  // `@lane measuring` in their doc comment, run one at a time beside the other suites.
  runner: '<rootDir>/__tests__/helpers/lanes-runner.cjs',
  globalSetup: '<rootDir>/jest.global-setup.mjs',
};

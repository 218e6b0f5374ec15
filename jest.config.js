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
  // The suites that run Go benchmarks and judge their timings (or hold a wall-clock limit) run
  // one at a time, in a worker of their own, beside the other suites: see the runner.
  runner: '<rootDir>/__tests__/helpers/lanes-runner.cjs',
  runnerOptions: {
    measuring: [
      '/__tests__/action-e2e\\.test\\.ts$',
      '/__tests__/attribute-e2e\\.test\\.ts$',
      '/__tests__/cli-run\\.test\\.ts$',
      '/__tests__/cli\\.test\\.ts$',
      '/__tests__/engine-confirm\\.test\\.ts$',
      '/__tests__/gotool\\.test\\.ts$',
    ],
  },
  globalSetup: '<rootDir>/jest.global-setup.mjs',
};

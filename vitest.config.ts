import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/helpers/private-cache-home.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests start real servers on random loopback ports; forks keep them isolated.
    pool: 'forks',
    // CI also writes a machine-readable summary, from which .ci/run prints its closing line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'reports/vitest.json' }]]
      : ['default'],
    // Coverage is measured in CI's one run of the tests rather than in a second run of its own
    // (`npm test -- --coverage` measures it locally). It is reported, not enforced: no thresholds.
    // Code run only by the built CLI in a child process (tests/integration/cli) is not counted.
    coverage: {
      enabled: Boolean(process.env.CI),
      provider: 'v8',
      include: ['src/**/*.ts'],
      reportsDirectory: 'reports/coverage',
      reporter: ['text-summary', ['text', { file: 'coverage.txt', maxCols: 160 }], 'json-summary'],
    },
  },
});

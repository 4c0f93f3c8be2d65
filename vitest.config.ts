import { defineConfig } from 'vitest/config';

/** One project per kind of test, named for what it needs; `vitest run --project unit` runs one kind. */
const services = './test/support/global-services.ts';

export default defineConfig({
  test: {
    silent: 'passed-only',
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: [services],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [services],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // Synthesizing the stack takes seconds alone and much longer on a busy machine.
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});

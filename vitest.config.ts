import { defineConfig } from 'vitest/config';

/** One project per kind of test, named for what it needs; `vitest run --project unit` runs one kind. */
const services = './test/support/global-services.ts';

/*
 * Timeouts are sized for a 2-core machine with another CPU-heavy process beside the run, where
 * everything takes two to four times as long as alone: a test fails on what it finds, not on the
 * machine being busy. Starting a platform or synthesizing the stack happens in hooks, which get longer.
 */
export default defineConfig({
  test: {
    silent: 'passed-only',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Unit tests leave no process-wide state behind (the one file that sets environment variables puts
          // them back after each test), so one worker's files share one module graph: importing it once per
          // worker instead of once per file took a fifth of the CPU.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: [services],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [services],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // The files of one worker share one import of the CDK library and one synthesis of each
          // configuration (test/infra/platform-app.ts keeps them), which cost most of this project's time.
          isolate: false,
          // Synthesizing the stack takes seconds alone and much longer on a busy machine.
          testTimeout: 240_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

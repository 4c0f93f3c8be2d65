import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that take minutes start first, so the rest of the suite runs beside them instead of after:
 * the simulation plays a year of three areas twice, and a fresh clone has no timings cached for the
 * default order to learn that from.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (file: TestSpecification) => /[\\/]simulation[^\\/]*\.test\.ts$/u.test(file.moduleId);
    return [...sorted.filter(long), ...sorted.filter((file) => !long(file))];
  }
}

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
    // Two files at once on two cores (vitest's default is one fewer than the cores: one file at a time
    // here): the simulation, which computes for minutes, in one, and the files that mostly wait on
    // DynamoDB Local, a platform process or a browser in the other. Three at once starved the simulation.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // Platforms started in a test's process run as a bundle without tracing does (see infra/local/src/platform.ts).
    env: { PIP_BUNDLE_TRACING: 'false' },
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

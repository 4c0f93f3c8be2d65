import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY } from '@pip/domain';
import type { RunningPlatform } from '@pip/local';
import { startTestPlatform } from '../support/platform';

const tableName = `pip-clock-${randomUUID().slice(0, 8)}`;
let platform: RunningPlatform | undefined;

afterAll(async () => {
  await platform?.stop();
  delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
});

describe('the local platform clock', () => {
  it('is kept with the data, so a restart never moves it back', { timeout: 120_000 }, async () => {
    platform = await startTestPlatform({ workflow: true, tableName });
    await platform.workflow!.advanceClock(10 * DAY);
    await platform.stop();
    // As a new process would start: nothing remembered but the table.
    delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;

    platform = await startTestPlatform({ workflow: true, tableName });
    expect(platform.workflow!.clockOffset()).toBeGreaterThanOrEqual(10 * DAY);
    const page = await (await fetch(`${platform.url}/local/clock`)).text();
    expect(page).toContain('10 days ahead of this machine');
  });
});

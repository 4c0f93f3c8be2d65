import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY } from '@pip/domain';
import { localStaff, type RunningPlatform } from '@pip/local';
import { DynamoAreaProgressStore, createDocumentClient } from '@pip/storage';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, openArea } from '../support/programme-data';
import { approvePair, staffSession } from '../support/staff-session';

/* The local platform restarted mid-way: each unfinished area continues from its stored stage. */
const AREA = 'restart-test';
const tableName = `pip-restart-${randomUUID().slice(0, 8)}`;
let platform: RunningPlatform | undefined;

async function stageIn(running: RunningPlatform): Promise<string | undefined> {
  await running.workflow!.idle(AREA);
  const documents = createDocumentClient({ endpoint: running.dynamoEndpoint, region: 'eu-west-2' });
  const progress = await new DynamoAreaProgressStore(documents, running.tableName).get(AREA);
  documents.destroy();
  return progress?.stage;
}

afterAll(() => platform?.stop());

describe('restarting the local platform', () => {
  it('continues an area waiting for recruitment to close, and one waiting for staff, from where it stood', async () => {
    platform = await startTestPlatform({ workflow: true, tableName });
    await openArea(platform, AREA, 'Restart Test', 'east-midlands');
    const council = await apply(platform, AREA, 'restart-la', { fullName: 'Council Person' });
    const voluntary = await apply(platform, AREA, 'restart-vcs', {
      fullName: 'Voluntary Person',
      sector: 'voluntary-community',
      organisationKind: 'front-line-organisation',
    });
    await platform.workflow!.start(AREA);
    expect(await stageIn(platform)).toBe('recruitment');
    await platform.stop();

    // Restarted while waiting on a timestamp: the wait ends by the clock, as before.
    platform = await startTestPlatform({ workflow: true, tableName });
    await platform.workflow!.advanceClock(2 * DAY);
    expect(await stageIn(platform)).toBe('selection');
    await platform.stop();

    // Restarted while waiting for staff: their approval still reaches the execution.
    platform = await startTestPlatform({ workflow: true, tableName });
    const sam = staffSession(platform, localStaff[0]);
    const approval = await approvePair(sam, AREA, council, voluntary);
    expect(approval.status).toBe(303);
    expect(await stageIn(platform)).toBe('preparation');
    const prompts = (await emailsTo('programme-team@pip.localhost')).filter((email) => email.subject.endsWith('Restart Test'));
    expect(prompts.map((email) => email.subject).sort()).toEqual([
      'Applications have closed: review and approve the selection: Restart Test',
      'Selection approved: visit the area and schedule the workshops: Restart Test',
    ]);
  });
});

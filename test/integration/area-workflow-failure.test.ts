import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { localStaff, type RunningPlatform } from '@pip/local';
import { DynamoWorkflowStore, createDocumentClient, keys } from '@pip/storage';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, openArea } from '../support/programme-data';
import { approvePair, staffSession } from '../support/staff-session';

/* A step that keeps failing: the workflow retries it, records the failure, alerts staff and stops. */
const AREA = 'failure-test';
const DAY = 24 * 60 * 60 * 1000;
let platform: RunningPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ workflow: true });
});
afterAll(() => platform?.stop());

describe('a workflow step that fails after its retries', () => {
  it('records the failure on the area, alerts the programme team and ends the execution', async () => {
    await openArea(platform, AREA, 'Failure Test', 'west-midlands');
    const council = await apply(platform, AREA, 'fail-la');
    const voluntary = await apply(platform, AREA, 'fail-vcs', { sector: 'voluntary-community', organisationKind: 'other' });
    await platform.workflow!.start(AREA);
    await platform.workflow!.advanceClock(2 * DAY);
    await platform.workflow!.idle(AREA);
    const sam = staffSession(platform, localStaff[0]);
    await approvePair(sam, AREA, council, voluntary);
    await platform.workflow!.idle(AREA);
    // Preparation marked done with no workshops behind it: the briefing step cannot succeed.
    const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
    const store = new DynamoWorkflowStore(documents, platform.tableName);
    await sam.post(`/staff/areas/${AREA}/programme/visit`, { visitedOn: '2026-12-01' });
    await store.markDone(AREA, 'preparation', 'Test', new Date().toISOString());
    const token = await store.takeToken(AREA, 'preparation');
    expect(token).toBeDefined();
    const { areaWorkflowControl } = await import('@pip/functions/area-workflow-control');
    await areaWorkflowControl().continue(token!);
    await platform.workflow!.idle(AREA);

    const progress = await store.progress(AREA);
    expect(progress?.failure?.error).toContain('The workshops of failure-test are not scheduled');
    const alerts = (await emailsTo('programme-team@pip.localhost')).filter((email) => email.subject === 'The area workflow stopped with an error: Failure Test');
    expect(alerts).toHaveLength(1);
    const execution = await documents.send(new GetCommand({ TableName: platform.tableName, Key: keys.localExecution(AREA) }));
    expect(execution.Item?.status).toBe('failed');
    const page = await (await sam.get(`/staff/areas/${AREA}/programme`)).text();
    expect(page).toContain('The workflow stopped on');
    documents.destroy();
  });
});

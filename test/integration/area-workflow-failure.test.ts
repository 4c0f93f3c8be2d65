import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '@pip/domain';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { localStaff, type RunningPlatform } from '@pip/local';
import { DynamoAreaProgressStore, DynamoStaffStepStore, createDocumentClient, keys } from '@pip/storage';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, openArea, workshopScheduleForm, type Applicant } from '../support/programme-data';
import { approvePair, staffSession } from '../support/staff-session';

/* A step that keeps failing: the workflow retries it, records the failure, alerts staff and stops; staff fix the cause and resume it. */
const AREA = 'failure-test';
let platform: RunningPlatform;
let council: Applicant;
let voluntary: Applicant;

const subjectsTo = async (person: Applicant) => (await emailsTo(person.email)).map((email) => email.subject);

beforeAll(async () => {
  platform = await startTestPlatform({ workflow: true });
});
afterAll(() => platform?.stop());

describe('a workflow step that fails after its retries', () => {
  it('records the failure on the area, alerts the programme team and ends the execution', async () => {
    await openArea(platform, AREA, 'Failure Test', 'west-midlands');
    council = await apply(platform, AREA, 'fail-la');
    voluntary = await apply(platform, AREA, 'fail-vcs', { sector: 'voluntary-community', organisationKind: 'other' });
    await platform.workflow!.start(AREA);
    await platform.workflow!.advanceClock(2 * DAY);
    await platform.workflow!.idle(AREA);
    const sam = staffSession(platform, localStaff[0]);
    await approvePair(sam, AREA, council, voluntary);
    await platform.workflow!.idle(AREA);
    // Preparation marked done with no workshops behind it: the briefing step cannot succeed.
    const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
    const staffSteps = new DynamoStaffStepStore(documents, platform.tableName);
    await sam.post(`/staff/areas/${AREA}/programme/visit`, { visitedOn: '2026-12-01' });
    await staffSteps.markDone(AREA, 'preparation', 'Test', new Date().toISOString());
    const token = await staffSteps.take(AREA, 'preparation');
    expect(token).toBeDefined();
    const { platformPorts } = await import('@pip/functions/composition-root');
    await platformPorts().workflow.continue(token!);
    await platform.workflow!.idle(AREA);

    const progress = await new DynamoAreaProgressStore(documents, platform.tableName).get(AREA);
    expect(progress?.failure?.error).toContain('The workshops of failure-test are not scheduled');
    const alerts = (await emailsTo('programme-team@pip.localhost')).filter((email) => email.subject === 'The area workflow stopped with an error: Failure Test');
    expect(alerts).toHaveLength(1);
    const execution = await documents.send(new GetCommand({ TableName: platform.tableName, Key: keys.localExecution(AREA) }));
    expect(execution.Item?.status).toBe('failed');
    const page = await (await sam.get(`/staff/areas/${AREA}/programme`)).text();
    expect(page).toContain('The workflow stopped at');
    expect(page).toContain('Resume the workflow</button>');
    expect(await (await sam.get('/staff')).text()).toContain('<strong class="govuk-tag govuk-tag--red">Workflow stopped</strong>');
    documents.destroy();
  });

  it('goes on when staff fix the cause and resume it, passing through what is done and sending nothing twice', async () => {
    const sam = staffSession(platform, localStaff[0]);
    expect((await sam.post(`/staff/areas/${AREA}/programme/workshops`, workshopScheduleForm(Date.now()))).status).toBe(303);
    // A double click: one new execution, one audit entry.
    const resumed = await Promise.all([sam.post(`/staff/areas/${AREA}/programme/resume`, {}), sam.post(`/staff/areas/${AREA}/programme/resume`, {})]);
    expect(resumed.map((response) => response.status)).toEqual([303, 303]);
    await platform.workflow!.idle(AREA);

    const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
    const progress = await new DynamoAreaProgressStore(documents, platform.tableName).get(AREA);
    documents.destroy();
    expect(progress?.stage).toBe('delivery');
    expect(progress?.failure).toBeUndefined();
    for (const person of [council, voluntary]) {
      const subjects = await subjectsTo(person);
      expect(subjects.filter((subject) => subject.startsWith('You have been selected'))).toHaveLength(1);
      expect(subjects.filter((subject) => subject.startsWith('Your briefing'))).toHaveLength(1);
      expect(subjects.filter((subject) => subject.startsWith('Invitation: workshop'))).toHaveLength(4);
    }
    const audit = await (await sam.get(`/staff/areas/${AREA}/timeline`)).text();
    expect(audit.match(/Workflow resumed/gu)).toHaveLength(1);
    const page = await (await sam.get(`/staff/areas/${AREA}/programme?done=resumed`)).text();
    expect(page).not.toContain('The workflow stopped at');
    expect(await (await sam.get('/staff')).text()).not.toContain('Workflow stopped');
    expect((await sam.post(`/staff/areas/${AREA}/programme/resume`, {})).status).toBe(303);
    expect((await (await sam.get(`/staff/areas/${AREA}/timeline`)).text()).match(/Workflow resumed/gu)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStaff, type RunningPlatform } from '@pip/local';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, storesOf } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession, type StaffSession } from '../support/staff-session';

/* A participant answers only for themselves, and only while they are a member of the group. */
const AREA = 'links-after-withdrawal';
let platform: RunningPlatform;
let base: string;
let sam: StaffSession;
let leaving: Applicant;
let staying: Applicant;

const evaluationLink = async (person: Applicant) =>
  /\/evaluation\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec((await emailsTo(person.email)).find((email) => email.subject.startsWith('How was the programme?'))!.body.text ?? '')![0];
const answers = { materials: 'good', content: 'good', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'yes' };
const post = (path: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(answers).toString() });

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  sam = staffSession(platform, localStaff[0]);
  await openArea(platform, AREA, 'Linkton', 'south-west');
  leaving = await apply(platform, AREA, 'leaving', { fullName: 'Leaving Officer' });
  staying = await apply(platform, AREA, 'staying', { fullName: 'Staying Officer', sector: 'voluntary-community', organisationKind: 'other' });
  await closeRecruitment(platform, AREA);
  expect((await approvePair(sam, AREA, leaving, staying)).status).toBe(303);
  const [{ platformPorts }, { openEvaluation }] = await Promise.all([import('@pip/functions/composition-root'), import('@pip/functions/use-cases/evaluation/open-evaluation')]);
  await openEvaluation(platformPorts(), AREA);
  expect((await sam.post(`/staff/areas/${AREA}/selection/withdrawals`, { applicationId: leaving.applicationId })).status).toBe(303);
});
afterAll(() => platform?.stop());

describe('a participant who has withdrawn', () => {
  it('can no longer open or answer the evaluation, and nothing is stored', async () => {
    const link = await evaluationLink(leaving);
    const page = await fetch(`${base}${link}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('You are no longer taking part');
    expect((await post(link)).status).toBe(410);
    const stores = storesOf(platform);
    const { DynamoEvaluationStore } = await import('@pip/storage');
    expect(await new DynamoEvaluationStore(stores.documents, platform.tableName).response(AREA, leaving.applicationId)).toBeUndefined();
    stores.documents.destroy();
  });

  it('leaves the others answering as before', async () => {
    expect((await post(await evaluationLink(staying))).status).toBe(200);
  });
});

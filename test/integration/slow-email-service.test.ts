import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { localStaff, type RunningPlatform } from '@pip/local';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession } from '../support/staff-session';
import { startSesFaultProxy, type SesFaultProxy } from '../simulation/ses-fault-proxy';

/*
 * An approval tells every applicant at once, and the email service may take seconds to answer each
 * email. Whatever it takes, each applicant hears the outcome: no email is left for a later round
 * because the ones before it were slow. The platform here runs no minute's delivery, so an email left
 * waiting would stay unsent.
 */
const AREA = 'slow-email-service';
/** Longer than a request would wait for its emails, well inside the email client's own timeout. */
const ANSWER_AFTER_MS = 6_000;
let ses: SesFaultProxy;
let platform: RunningPlatform;
const applicants: Applicant[] = [];

beforeAll(async () => {
  ses = await startSesFaultProxy(inject('sesEndpoint'), { slowMs: ANSWER_AFTER_MS });
  platform = await startTestPlatform({ sesEndpoint: ses.endpoint });
  await openArea(platform, AREA, 'Slowmouth');
  applicants.push(await apply(platform, AREA, 'council', { fullName: 'Carla Council' }));
  applicants.push(await apply(platform, AREA, 'voluntary', { fullName: 'Vic Voluntary', sector: 'voluntary-community', organisationKind: 'other' }));
  for (let i = 1; i <= 10; i += 1) applicants.push(await apply(platform, AREA, `unsuccessful-${i}`, { fullName: `Una Unsuccessful ${i}` }));
  await closeRecruitment(platform, AREA);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await ses?.stop();
});

describe('an approval while the email service is slow', () => {
  it('emails every applicant the outcome, however long each email takes', async () => {
    await expect.poll(async () => (await Promise.all(applicants.map((one) => emailsTo(one.email)))).every((emails) => emails.length === 1), { timeout: 60_000 }).toBe(true);
    ses.setMode('slow');
    const [council, voluntary] = applicants;
    expect((await approvePair(staffSession(platform, localStaff[0]), AREA, council!, voluntary!)).status).toBe(303);
    const outcomes = async () => (await Promise.all(applicants.map((one) => emailsTo(one.email)))).map((emails) => emails.filter((email) => !email.subject.startsWith('Application received')).length);
    await expect.poll(outcomes, { timeout: 60_000, interval: 1_000 }).toEqual(applicants.map(() => 1));
  }, 90_000);
});

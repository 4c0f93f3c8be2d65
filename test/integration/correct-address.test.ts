import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStaff, type RunningPlatform } from '@pip/local';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, storesOf, uniqueEmail } from '../support/platform';
import { apply, openArea, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';
import { countDynamoCalls, emptyTally, requestTallies } from '../bench/dynamo-calls';

/* Staff correct the address of someone the platform could not reach, and what did not arrive is sent again. */
const AREA = 'correct-address';
// The calls each request makes to the table, counted as the round-trips bench counts them.
countDynamoCalls();
let platform: RunningPlatform;
let stores: ReturnType<typeof storesOf>;
let sam: StaffSession;
let mistyped: Applicant;
let other: Applicant;

beforeAll(async () => {
  platform = await startTestPlatform();
  stores = storesOf(platform);
  sam = staffSession(platform, localStaff[0]);
  await openArea(platform, AREA, 'Addressville');
  mistyped = await apply(platform, AREA, 'mistyped', { fullName: 'Morgan Mistyped' });
  other = await apply(platform, AREA, 'other', { fullName: 'Olive Other' });
  // A booking link bounced for good at the mistyped address.
  const failed = { messageId: `booking-link-${randomUUID()}`, to: mistyped.email, subject: 'Book consultancy session 1: Addressville', text: 'Choose a time: https://pip.example/consultancy/x', html: '<p>Choose a time.</p>' };
  await stores.queueForMinuteDelivery(failed, new Date().toISOString());
  await stores.unreachable.record({ address: mistyped.email, problem: 'bounced', suppressed: true, reason: 'Permanent bounce (NoEmail)', at: new Date().toISOString(), messageId: failed.messageId, subject: failed.subject });
});
afterAll(async () => {
  stores.documents.destroy();
  await platform.stop();
});

const applicationPath = (person: Applicant) => `/staff/areas/${AREA}/applications/${person.applicationId}`;

describe('correcting an address the platform could not reach', () => {
  it('shows staff why on the application page', async () => {
    const page = await (await sam.get(applicationPath(mistyped))).text();
    expect(page).toContain('Email bounced');
    expect(page).toContain('Correct the address and send the email again');
  });

  it('refuses an address that is not one, or another applicant’s, at the field, changing nothing', async () => {
    const bad = await sam.post(`${applicationPath(mistyped)}/email`, { email: 'not an address' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter the corrected email address in the correct format');
    const taken = await sam.post(`${applicationPath(mistyped)}/email`, { email: other.email.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('Another applicant in this area has that email address.');
    expect((await stores.applications.findByReference(AREA, mistyped.applicationId))?.answers.email).toBe(mistyped.email);
  });

  it('moves the application to the corrected address, sends again what bounced, and audits it', async () => {
    const corrected = uniqueEmail('corrected');
    // As the page posts it: with the address it showed and the email that failed there.
    const shown = await (await sam.get(applicationPath(mistyped))).text();
    const hidden = (name: string) => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`, 'u').exec(shown)?.[1] ?? '';
    expect(hidden('previous')).toBe(mistyped.email);
    expect(hidden('failed')).toMatch(/^booking-link-/u);
    const tally = emptyTally();
    requestTallies.set('correction', tally);
    const answer = await sam.post(`${applicationPath(mistyped)}/email`, { email: corrected, previous: hidden('previous'), failed: hidden('failed') }, { headers: { 'x-bench-tally': 'correction' } });
    requestTallies.delete('correction');
    expect(answer.status).toBe(303);
    // The application, the address's delivery problem and the failed email, by their keys side by side; then one transaction.
    expect({ readWaves: tally.readWaves, writes: tally.writes, transactions: tally.commands.TransactWriteItems }).toEqual({ readWaves: 1, writes: 1, transactions: 1 });
    expect(answer.headers.get('location')).toBe(`${applicationPath(mistyped)}?done=address-corrected-resent`);
    expect(await (await sam.get(answer.headers.get('location')!)).text()).toContain('The address is corrected, and the email that did not arrive is sent to it.');
    const moved = await stores.applications.findByReference(AREA, mistyped.applicationId);
    expect(moved?.answers.email).toBe(corrected);
    expect(await stores.applications.findByApplicant(AREA, mistyped.email)).toBeUndefined();
    expect((await emailsTo(corrected)).map((email) => email.subject)).toEqual(['Book consultancy session 1: Addressville']);
    const audit = await (await sam.get(`/staff/areas/${AREA}/timeline`)).text();
    expect(audit).toContain(`${mistyped.email} corrected to ${corrected}`);
    // A second post of the same form (a double click) is answered as done, and changes nothing more.
    const again = await sam.post(`${applicationPath(mistyped)}/email`, { email: corrected, previous: mistyped.email });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`${applicationPath(mistyped)}?done=address-corrected`);
    // The same address typed again from a page that shows it is pointed out.
    const same = await sam.post(`${applicationPath(mistyped)}/email`, { email: corrected, previous: corrected });
    expect(same.status).toBe(400);
    expect(await same.text()).toContain('That is the address the platform already has.');
    expect(await emailsTo(corrected)).toHaveLength(1);
    const page = await (await sam.get(applicationPath(mistyped))).text();
    expect(page).toContain('No email to this address has failed.');
  });

  it('answers two staff who post the same correction at the same moment as done, moving and sending once', async () => {
    const twice = await apply(platform, AREA, 'twice', { fullName: 'Tara Twice' });
    const failed = { messageId: `booking-link-${randomUUID()}`, to: twice.email, subject: 'Book consultancy session 2: Addressville', text: 'Choose a time.', html: '<p>Choose a time.</p>' };
    await stores.queueForMinuteDelivery(failed, new Date().toISOString());
    await stores.unreachable.record({ address: twice.email, problem: 'bounced', suppressed: true, reason: 'Permanent bounce (NoEmail)', at: new Date().toISOString(), messageId: failed.messageId, subject: failed.subject });
    const priya = staffSession(platform, localStaff[1]);
    const corrected = uniqueEmail('corrected-twice');
    const form = { email: corrected, previous: twice.email };
    const answers = await Promise.all([sam.post(`${applicationPath(twice)}/email`, form), priya.post(`${applicationPath(twice)}/email`, form)]);
    expect(answers.map((answer) => answer.status)).toEqual([303, 303]);
    expect(answers.map((answer) => answer.headers.get('location')).sort()).toEqual([`${applicationPath(twice)}?done=address-corrected`, `${applicationPath(twice)}?done=address-corrected-resent`]);
    expect((await stores.applications.findByReference(AREA, twice.applicationId))?.answers.email).toBe(corrected);
    expect((await emailsTo(corrected)).map((email) => email.subject)).toEqual(['Book consultancy session 2: Addressville']);
    const audit = await (await sam.get(`/staff/areas/${AREA}/timeline?kind=decision`)).text();
    expect(audit.split(`${twice.email} corrected to ${corrected}`)).toHaveLength(2);
  });
});

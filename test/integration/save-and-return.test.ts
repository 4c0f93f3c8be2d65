import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DAY, formatUkDateTime, savedApplicationRules, type Area } from '@pip/domain';
import { loadHandler, localStaff, tableStreamsSettled, type RunningPlatform } from '@pip/local';
import type { Item } from '@pip/storage';
import { savedReminderId } from '@pip/functions/use-cases/recruitment/saved-reminders';
import { goodForm } from '../support/application-answers';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, storesOf, uniqueEmail } from '../support/platform';
import { staffSession, type StaffSession } from '../support/staff-session';

/*
 * "Save and come back later" over HTTP against DynamoDB Local and the SES endpoint: the link, who can
 * reach saved answers, one email per save, the reminder before applications close, and retention.
 * The platform clock is moved forward in the later tests, so they run in order.
 */
const AREA = `saving-${randomUUID().slice(0, 6)}`;
const MOVED = `saving-moved-${randomUUID().slice(0, 6)}`;
const start = Date.now();
let platform: RunningPlatform;
let stores: ReturnType<typeof storesOf>;
let base: string;
let sam: StaffSession;

const moveClockTo = (days: number) => (process.env.PIP_LOCAL_CLOCK_OFFSET_MS = String(start + days * DAY - Date.now()));
const deliver = async () => (await loadHandler<() => Promise<unknown>>('deliver-emails'))();
const retentionPass = async () => (await loadHandler<() => Promise<unknown>>('apply-retention'))();

async function addArea(areaId: string, closesInDays: number): Promise<Area> {
  const area: Area = {
    areaId,
    name: `Saving ${areaId.slice(-6)}`,
    regionId: 'north-west',
    recruitment: { opensAt: new Date(start - DAY).toISOString(), closesAt: new Date(start + closesInDays * DAY).toISOString() },
  };
  await stores.areas.add(area, { areaId, entryId: randomUUID(), at: new Date().toISOString(), actor: { name: 'Test set-up' }, action: 'Area added', summary: 'Added.' });
  return area;
}

const postForm = (path: string, form: URLSearchParams) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });

/** Page 1's answers and part of page 2's, saved from page 2, as the browser posts them. */
function savedFrom(email: string, extra: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    fullName: 'Bea Saver',
    email,
    organisation: 'Wigan Council',
    page: 'your-role',
    action: 'save',
    saveRequest: randomUUID().replaceAll('-', ''),
    ...extra,
  });
}

const linkIn = (text: string | undefined) => /https?:\/\/\S+\/apply\/[\w-]+\/saved\/[\w-]{43}/u.exec(text ?? '')?.[0];
const pathOf = (url: string) => new URL(url).pathname;

async function savedItems(areaId: string): Promise<Item[]> {
  const { Items } = await stores.documents.send(
    new ScanCommand({ TableName: platform.tableName, ConsistentRead: true, FilterExpression: '#type = :saved AND areaId = :area', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':saved': 'saved-application', ':area': areaId } }),
  );
  return Items ?? [];
}

beforeAll(async () => {
  platform = await startTestPlatform();
  stores = storesOf(platform);
  base = platform.url.replace('localhost', '127.0.0.1');
  sam = staffSession(platform, localStaff[0]);
  await addArea(AREA, 10);
  await addArea(MOVED, 10);
});
afterAll(async () => {
  delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
  stores?.documents.destroy();
  await platform?.stop();
});

describe('saving an application to come back to', () => {
  let link: string;
  const email = uniqueEmail('saver');

  it('saves the answers so far, emails a link saying when it expires and when applications close, and counts for nothing as an application', async () => {
    const response = await postForm(`/apply/${AREA}`, savedFrom(email));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Your answers have been saved');
    expect(page).toContain(`We have sent a link to ${email}`);
    const emails = await emailsTo(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain('Your saved application');
    expect(emails[0]!.body.text).toContain('(28 days after you last saved)');
    expect(emails[0]!.body.text).toContain(`Applications close at ${formatUkDateTime(new Date(start + 10 * DAY))}`);
    expect(emails[0]!.body.text).not.toContain('Bea Saver');
    link = linkIn(emails[0]!.body.text)!;
    expect(link).toBeDefined();
    expect(await stores.applications.listForArea(AREA)).toHaveLength(0);
    // Only the hash of the link's token is stored.
    const [item] = await savedItems(AREA);
    expect(JSON.stringify(item)).not.toContain(link.split('/').at(-1));
  });

  it('opens the answers in place at the first page still to answer, with no password', async () => {
    const response = await fetch(`${base}${pathOf(link)}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<h1 class="govuk-heading-l">Your role</h1>');
    expect(page).toContain('value="Wigan Council"');
    expect(page).toContain('<input type="hidden" name="fullName" value="Bea Saver">');
    expect(page).not.toMatch(/password|memorable/iu);
  });

  it('saves again through the link under the same link, with no new email, and renews it', async () => {
    const token = link.split('/').at(-1)!;
    const [before] = await savedItems(AREA);
    const again = await postForm(`/apply/${AREA}`, savedFrom(email, { jobTitle: 'Director of Place', saved: token }));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Use the link in the email we sent you');
    const after = await savedItems(AREA);
    expect(after).toHaveLength(1);
    expect(after[0]!.answers.jobTitle).toBe('Director of Place');
    expect(after[0]!.expiresAt >= before!.expiresAt).toBe(true);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it('keeps a stranger who types the same address away from the first answers: theirs is a new saved application, under a link only the address gets', async () => {
    const stranger = await postForm(`/apply/${AREA}`, savedFrom(email, { fullName: 'Not Bea', organisation: 'Somewhere Else' }));
    expect(stranger.status).toBe(200);
    expect(await stranger.text()).not.toContain('Wigan Council');
    const first = await (await fetch(`${base}${pathOf(link)}`)).text();
    expect(first).toContain('value="Wigan Council"');
    expect(first).not.toContain('Somewhere Else');
    const emails = await emailsTo(email);
    expect(emails).toHaveLength(2);
    expect(linkIn(emails[1]!.body.text)).not.toBe(link);
  });

  it('saves once and emails once when the same save is sent twice at once', async () => {
    const twice = uniqueEmail('double');
    const form = savedFrom(twice);
    const responses = await Promise.all([postForm(`/apply/${AREA}`, form), postForm(`/apply/${AREA}`, form)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(await emailsTo(twice)).toHaveLength(1);
    expect((await savedItems(AREA)).filter((item) => item.email === twice)).toHaveLength(1);
  });

  it('asks for an address to send the link to when there is none, or it is not one, and saves nothing until then', async () => {
    const none = await postForm(`/apply/${AREA}`, new URLSearchParams({ fullName: 'No Address', page: 'about-you', action: 'save', saveRequest: randomUUID().replaceAll('-', '') }));
    expect(none.status).toBe(200);
    const asking = await none.text();
    expect(asking).toContain('Enter your email address to get a link');
    expect(asking).not.toContain('govuk-error-summary');
    expect(asking).toContain('<input type="hidden" name="fullName" value="No Address">');
    const wrong = await postForm(`/apply/${AREA}`, new URLSearchParams({ fullName: 'No Address', email: 'not-an-address', page: 'save-email', action: 'save' }));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('<a href="#email">Enter an email address in the correct format');
    expect((await savedItems(AREA)).filter((item) => item.answers.fullName === 'No Address')).toHaveLength(0);
  });

  it('counts save emails against the address\'s daily allowance', async () => {
    const busy = uniqueEmail('busy');
    for (let save = 0; save < 3; save += 1) expect((await postForm(`/apply/${AREA}`, savedFrom(busy))).status).toBe(200);
    const refused = await postForm(`/apply/${AREA}`, savedFrom(busy));
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('We have already sent 3 emails to this address today');
    expect(await emailsTo(busy)).toHaveLength(3);
  });

  it('never shows saved answers to staff: not among the applications, nor on the selection page', async () => {
    expect(await stores.applications.listForArea(AREA)).toHaveLength(0);
    for (const path of [`/staff/areas/${AREA}`, `/staff/areas/${AREA}/selection`]) {
      const page = await (await sam.get(path)).text();
      expect(page).not.toContain('Bea Saver');
      expect(page).not.toContain('Wigan Council');
    }
  });

  it("shows saved answers in the person's record, and erasing the person removes them", async () => {
    const person = uniqueEmail('saved-person');
    await postForm(`/apply/${AREA}`, savedFrom(person, { jobTitle: 'Head of Partnerships' }));
    const record = await (await sam.get(`/staff/people/record?email=${encodeURIComponent(person)}`)).text();
    expect(record).toContain('and never sent');
    expect(record).toContain('Head of Partnerships');
    const json = await (await sam.get(`/staff/people/record.json?email=${encodeURIComponent(person)}`)).json();
    expect(json.savedApplications).toHaveLength(1);
    expect((await sam.post('/staff/people/erase', { email: person, confirmed: 'yes' })).status).toBe(200);
    expect((await savedItems(AREA)).filter((item) => item.email === person)).toHaveLength(0);
  });

  it('deletes every saved application of the address in the area once it sends, and withdraws its reminder', async () => {
    const sender = uniqueEmail('sender');
    await postForm(`/apply/${AREA}`, savedFrom(sender));
    const token = linkIn((await emailsTo(sender))[0]!.body.text)!.split('/').at(-1)!;
    expect((await stores.outbox.get(savedReminderId(AREA, sender)))?.status).toBe('pending');
    const sent = await postForm(`/apply/${AREA}/send`, new URLSearchParams([...goodForm(sender), ['saved', token]]));
    expect(await sent.text()).toContain('Application sent');
    // Cleared from the table's stream once the application is stored, not within the request.
    await tableStreamsSettled();
    expect((await savedItems(AREA)).filter((item) => item.email === sender)).toHaveLength(0);
    expect((await stores.outbox.get(savedReminderId(AREA, sender)))?.status).toBe('cancelled');
    expect((await fetch(`${base}/apply/${AREA}/saved/${token}`)).status).toBe(404);
  });
});

describe('the reminder before applications close', () => {
  const moved = uniqueEmail('moved');
  const saver = uniqueEmail('reminded');

  it('is held until three days before the close and dropped from the close; moving the window moves it', async () => {
    await postForm(`/apply/${AREA}`, savedFrom(saver));
    await postForm(`/apply/${AREA}`, savedFrom(saver));
    const reminder = await stores.outbox.get(savedReminderId(AREA, saver));
    expect(reminder?.sendAfter).toBe(new Date(start + (10 - savedApplicationRules.reminderDaysBeforeClose) * DAY).toISOString());
    expect(reminder?.notAfter).toBe(new Date(start + 10 * DAY).toISOString());

    await postForm(`/apply/${MOVED}`, savedFrom(moved));
    const area = await stores.areas.existing(MOVED);
    const later = new Date(start + 20 * DAY);
    const ukDate = later.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const response = await sam.post(`/staff/areas/${MOVED}/window`, {
      'closes-date': ukDate,
      'closes-time': '17:00',
      seenOpensAt: area.recruitment.opensAt,
      seenClosesAt: area.recruitment.closesAt,
    });
    expect(response.status).toBeLessThan(400);
    const closesAt = (await stores.areas.existing(MOVED)).recruitment.closesAt;
    const movedReminder = await stores.outbox.get(savedReminderId(MOVED, moved));
    expect(movedReminder?.sendAfter).toBe(new Date(Date.parse(closesAt) - 3 * DAY).toISOString());
    expect(movedReminder?.notAfter).toBe(closesAt);
    expect(movedReminder?.text).toContain(`Applications close at ${formatUkDateTime(closesAt)}`);
  });

  it('goes once, with the link, three days before the close, to everyone with a saved, unsent application, and never after they sent', async () => {
    moveClockTo(7.5);
    await deliver();
    await deliver();
    const reminders = (await emailsTo(saver)).filter((one) => one.subject.startsWith('Applications close soon'));
    expect(reminders).toHaveLength(1);
    // The link of their saved answers, as a save emailed it (each email goes from the stream, in whatever order it reaches them).
    const savedLinks = (await emailsTo(saver)).filter((one) => !one.subject.startsWith('Applications close soon')).map((one) => linkIn(one.body.text));
    expect(savedLinks).toContain(linkIn(reminders[0]!.body.text));
    expect((await emailsTo(moved)).filter((one) => one.subject.startsWith('Applications close soon'))).toHaveLength(0);
  });

  it('is never sent once applications have closed', async () => {
    moveClockTo(21);
    await deliver();
    expect((await emailsTo(moved)).filter((one) => one.subject.startsWith('Applications close soon'))).toHaveLength(0);
    expect((await stores.outbox.get(savedReminderId(MOVED, moved)))?.status).toBe('expired');
  });
});

describe('retention of saved applications', () => {
  it('expires the link 28 days after the last save, and deletes saved answers once applications close', async () => {
    const email = uniqueEmail('kept');
    moveClockTo(0);
    const lateArea = `saving-late-${randomUUID().slice(0, 6)}`;
    await addArea(lateArea, 60);
    await postForm(`/apply/${lateArea}`, savedFrom(email));
    const link = linkIn((await emailsTo(email))[0]!.body.text)!;
    moveClockTo(27.9);
    expect((await fetch(`${base}${pathOf(link)}`)).status).toBe(200);
    moveClockTo(28.1);
    expect((await fetch(`${base}${pathOf(link)}`)).status).toBe(410);
    await retentionPass();
    expect(await savedItems(lateArea)).toHaveLength(0);

    // In the first area, closed at day 10: every saved application goes with the close, however recent.
    moveClockTo(21);
    await retentionPass();
    expect(await savedItems(AREA)).toHaveLength(0);
    expect(await savedItems(MOVED)).toHaveLength(0);
  });
});

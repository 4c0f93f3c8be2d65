import { DAY } from '@pip/domain';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHandler, localStaff, tableStreamsSettled, type RunningPlatform } from '@pip/local';
import { DynamoConsultancyStore, createDocumentClient } from '@pip/storage';
import { emailsTo, type ReceivedEmail } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession, type StaffSession } from '../support/staff-session';
import { countDynamoCalls, emptyTally, requestTallies } from '../bench/dynamo-calls';

/* The leads of one area book their two consultancy sessions from emailed links. */
const AREA = 'consultancy-test';
// The calls each request makes to the table, counted as the round-trips bench counts them.
countDynamoCalls();
/* Another area, whose slots staff change and remove while its leads book. */
const SLOTS = 'consultancy-slots';
let platform: RunningPlatform;
let base: string;
let sam: StaffSession;
let council: Applicant;
let voluntary: Applicant;
let slotLead: Applicant;
const facilitator = 'fay.facilitator@example.org';

const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
const linkIn = (email: ReceivedEmail) => /\/consultancy\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(email.body.text ?? '')![0];
const moveClockTo = (instant: number) => (process.env.PIP_LOCAL_CLOCK_OFFSET_MS = String(instant - Date.now()));
/** The version of a time as the lead's page shows it, which the page posts back with the choice. */
const seenOf = (slot: { slotId: string; version?: number }) => ({ [`seen-${slot.slotId}`]: String(slot.version ?? 0) });
const icsOf = (email: ReceivedEmail) => Buffer.from(email.attachments[0]!.content, 'base64').toString('utf8');
const roundIn = (page: string) => /name="round" value="([\w-]+)"/u.exec(page)![1]!;
const auditOf = async () => (await (await sam.get(`/staff/areas/${AREA}/timeline`)).text()).replace(/\s+/gu, ' ');

async function slotsNow(areaId = AREA) {
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  const slots = await new DynamoConsultancyStore(documents, platform.tableName).slots(areaId);
  documents.destroy();
  return slots;
}

async function publish(date: string, start: string, end: string, extra: Record<string, string> = {}) {
  return sam.post(`/staff/areas/${AREA}/consultancy/slots`, { facilitator: 'Fay Facilitator', facilitatorEmail: facilitator, date, start, end, mode: 'in-person', where: 'Civic Centre, Room 2', ...extra });
}

/** Session 1 is behind us: neither the lead's link nor staff may cancel, move or book it, and neither page offers to. */
async function expectSessionOneReadOnly(link: string, refusal: string) {
  const page = await (await fetch(`${base}${link}`)).text();
  expect(page).not.toContain('Cancel the session');
  expect(page).not.toContain('Move the session');
  const october = (await slotsNow()).find((slot) => slot.startsAt.startsWith('2027-10-31'))!;
  const sequence = /name="sequence" value="(\d+)"/u.exec(page)?.[1] ?? '2';
  for (const attempt of [
    fetch(`${base}${link}`, form({ action: 'cancel', sequence, confirmed: 'yes' })),
    fetch(`${base}${link}`, form({ action: 'book', slotId: october.slotId, sequence, ...seenOf(october) })),
    sam.post(`/staff/areas/${AREA}/consultancy/cancel`, { session: '1', sequence, confirmed: 'yes' }),
    sam.post(`/staff/areas/${AREA}/consultancy/bookings`, { session: '1', slotId: october.slotId }),
  ]) {
    const answer = await attempt;
    expect(answer.status).toBe(409);
    expect(await answer.text()).toContain(refusal);
  }
  expect((await slotsNow()).find((slot) => slot.slotId === october.slotId)?.bookedFor).toBeUndefined();
  expect(await (await sam.get(`/staff/areas/${AREA}/consultancy`)).text()).not.toContain('Cancel session 1');
}

async function linkFor(person: Applicant, session: number): Promise<string> {
  const emails = (await emailsTo(person.email)).filter((email) => email.subject.startsWith(`Book consultancy session ${session}`));
  expect(emails).toHaveLength(1);
  return linkIn(emails[0]!);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  sam = staffSession(platform, localStaff[0]);
  await openArea(platform, AREA, 'Consultancy Test');
  await openArea(platform, 'other-area', 'Other Area');
  council = await apply(platform, AREA, 'lead-la', { fullName: 'Lena Lead' });
  voluntary = await apply(platform, AREA, 'lead-vcs', { fullName: 'Vic Lead', sector: 'voluntary-community', organisationKind: 'infrastructure-body' });
  await closeRecruitment(platform, AREA);
  expect((await approvePair(sam, AREA, council, voluntary)).status).toBe(303);
  await openArea(platform, SLOTS, 'Slot Test');
  slotLead = await apply(platform, SLOTS, 'slot-la', { fullName: 'Sally Lead' });
  const slotPartner = await apply(platform, SLOTS, 'slot-vcs', { fullName: 'Sid Lead', sector: 'voluntary-community', organisationKind: 'infrastructure-body' });
  await closeRecruitment(platform, SLOTS);
  expect((await approvePair(sam, SLOTS, slotLead, slotPartner)).status).toBe(303);
});
afterAll(async () => {
  delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
  await platform?.stop();
});

describe('staff changing and removing slots', () => {
  const solsSlot = (date: string) =>
    sam.post(`/staff/areas/${SLOTS}/consultancy/slots`, {
      facilitator: 'Sol Facilitator',
      facilitatorEmail: 'sol.facilitator@example.org',
      date,
      start: '10:00',
      end: '12:00',
      mode: 'online',
      where: 'https://meet.example/sol',
    });
  const slotOn = async (date: string) => (await slotsNow(SLOTS)).find((slot) => slot.startsAt.startsWith(date));
  const slotPath = (slotId: string) => `/staff/areas/${SLOTS}/consultancy/slots/${slotId}`;
  let lead: string;
  const leadPage = async () => (await fetch(`${base}${lead}`)).text();
  const hidden = (page: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`, 'u').exec(page)![1]!;

  beforeAll(async () => {
    const [{ platformPorts }, { sendBookingLinks }] = await Promise.all([import('@pip/functions/composition-root'), import('@pip/functions/use-cases/progress-reviews/send-booking-links')]);
    await sendBookingLinks(platformPorts(), SLOTS, 1);
    lead = await linkFor(slotLead, 1);
  });

  it('removes a slot nobody booked only from its confirmation page, and refuses a booked one: cancel the session instead', async () => {
    expect((await solsSlot('2027-06-01')).status).toBe(303);
    expect((await solsSlot('2027-06-02')).status).toBe(303);
    const free = (await slotOn('2027-06-01'))!;
    expect(await (await sam.get(slotPath(free.slotId))).text()).toContain('Remove this slot');

    const asked = await sam.post(`${slotPath(free.slotId)}/remove`, { version: '0' });
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('Are you sure you want to remove this slot?');
    expect(question).toContain('Nobody will be emailed.');
    expect(await slotOn('2027-06-01')).toBeDefined();

    expect((await sam.post(`${slotPath(free.slotId)}/remove`, { version: '0', confirmed: 'yes' })).status).toBe(303);
    expect(await slotOn('2027-06-01')).toBeUndefined();
    expect(await (await sam.get(`/staff/areas/${SLOTS}/timeline`)).text()).toContain('Consultancy slot removed');

    const taken = (await slotOn('2027-06-02'))!;
    expect((await fetch(`${base}${lead}`, form({ action: 'book', slotId: taken.slotId, sequence: '-1', ...seenOf(taken) }))).status).toBe(200);
    const refused = await sam.post(`${slotPath(taken.slotId)}/remove`, { version: '1', confirmed: 'yes' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('This slot is booked for session 1, so it cannot be changed or removed here. Cancel the session instead');
    expect((await slotOn('2027-06-02'))?.bookedFor).toBe(1);
    const bookedPage = await (await sam.get(slotPath(taken.slotId))).text();
    expect(bookedPage).not.toContain('Remove this slot');
    expect(bookedPage).toContain('cancel the session</a>');
  });

  it('gives a free slot a new time from its confirmation page; a lead who saw the old time is told it changed', async () => {
    expect((await solsSlot('2027-06-03')).status).toBe(303);
    const slot = (await slotOn('2027-06-03'))!;
    const seenByLead = await leadPage();
    expect(seenByLead).toContain('3 June 2027</h3>');

    const badTime = await sam.post(slotPath(slot.slotId), { version: '0', date: '2027-06-03', start: '25:00', end: '15:00' });
    expect(badTime.status).toBe(400);
    expect(await badTime.text()).toContain('Enter the start time, like 10:00');
    const newTime = { version: '0', date: '2027-06-03', start: '14:00', end: '15:00' };
    const question = await (await sam.post(slotPath(slot.slotId), newTime)).text();
    expect(question).toContain('Change the time of this slot?');
    expect(question).toContain('moves from 3 June 2027, 10:00am to 12:00pm to 3 June 2027, 2:00pm to 3:00pm');
    expect((await slotOn('2027-06-03'))!.startsAt).toBe('2027-06-03T09:00:00.000Z');
    // As the confirmation page posts it: with the facilitator whose calendar the time is checked against.
    const confirmed = Object.fromEntries(['version', 'date', 'start', 'end', 'facilitator'].map((name) => [name, hidden(question, name)]));
    expect(confirmed).toEqual({ ...newTime, facilitator: 'Sol Facilitator' });
    const tally = emptyTally();
    requestTallies.set('slot-time', tally);
    expect((await sam.post(slotPath(slot.slotId), { ...confirmed, confirmed: 'yes' }, { headers: { 'x-bench-tally': 'slot-time' } })).status).toBe(303);
    requestTallies.delete('slot-time');
    // The slot and the facilitator's calendar side by side; then the slot at its new time with its line, one transaction.
    expect({ readWaves: tally.readWaves, writes: tally.writes }).toEqual({ readWaves: 1, writes: 1 });
    expect((await slotOn('2027-06-03'))!.startsAt).toBe('2027-06-03T13:00:00.000Z');
    expect((await sam.post(slotPath(slot.slotId), { ...newTime, confirmed: 'yes' })).status).toBe(409);

    const stale = await fetch(`${base}${lead}`, form({ action: 'book', slotId: slot.slotId, sequence: hidden(seenByLead, 'sequence'), [`seen-${slot.slotId}`]: '0' }));
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('That time has changed since you looked at it');
    expect((await slotOn('2027-06-03'))!.bookedFor).toBeUndefined();
    const fresh = await leadPage();
    expect(fresh).toContain('2:00pm to 3:00pm, with Sol Facilitator');
    const moved = await fetch(`${base}${lead}`, form({ action: 'book', slotId: slot.slotId, sequence: hidden(fresh, 'sequence'), [`seen-${slot.slotId}`]: hidden(fresh, `seen-${slot.slotId}`) }));
    expect(moved.status).toBe(200);
    expect((await slotOn('2027-06-03'))!.bookedFor).toBe(1);
  });

  it('lets one of a lead booking and staff removing the same slot at the same moment land, and tells the other', async () => {
    for (const date of ['2027-06-07', '2027-06-08', '2027-06-09', '2027-06-10']) {
      expect((await solsSlot(date)).status).toBe(303);
      const slot = (await slotOn(date))!;
      const page = await leadPage();
      const [booking, removal] = await Promise.all([
        fetch(`${base}${lead}`, form({ action: 'book', slotId: slot.slotId, sequence: hidden(page, 'sequence'), [`seen-${slot.slotId}`]: hidden(page, `seen-${slot.slotId}`) })),
        sam.post(`${slotPath(slot.slotId)}/remove`, { version: '0', confirmed: 'yes' }),
      ]);
      const after = await slotOn(date);
      if (booking.status === 200) {
        expect(removal.status).toBe(409);
        expect(await removal.text()).toContain('This slot is booked for session 1');
        expect(after?.bookedFor).toBe(1);
      } else {
        expect(booking.status).toBe(409);
        expect(await booking.text()).toContain('That time is no longer available');
        expect(removal.status).toBe(303);
        expect(after).toBeUndefined();
      }
    }
  });
});

describe('consultancy slots and bookings', () => {
  it('publishes slots in UK time across both clock changes, and never two overlapping for one facilitator in any area', async () => {
    expect((await publish('2027-03-28', '10:00', '12:00')).status).toBe(303);
    expect((await publish('2027-10-31', '10:00', '12:00')).status).toBe(303);
    expect((await publish('2027-03-30', '10:00', '12:00')).status).toBe(303);
    const clash = await sam.post('/staff/areas/other-area/consultancy/slots', { facilitator: ' fay  FACILITATOR ', facilitatorEmail: facilitator, date: '2027-03-28', start: '11:00', end: '13:00', mode: 'online', where: 'https://meet.example/fay' });
    expect(clash.status).toBe(400);
    expect(await clash.text()).toContain('already has a slot then, in another area (consultancy-test)');
    const starts = (await slotsNow()).map((slot) => slot.startsAt);
    expect(starts).toEqual(['2027-03-28T09:00:00.000Z', '2027-03-30T09:00:00.000Z', '2027-10-31T10:00:00.000Z']);
  });

  it('emails each lead a personal link; the booking page lists the free times in UK time', async () => {
    const [{ platformPorts }, { sendBookingLinks }] = await Promise.all([import('@pip/functions/composition-root'), import('@pip/functions/use-cases/progress-reviews/send-booking-links')]);
    await sendBookingLinks(platformPorts(), AREA, 1);
    const page = await (await fetch(`${base}${await linkFor(council, 1)}`)).text();
    expect(page).toContain('28 March 2027</h3>');
    expect(page).toContain('10:00am to 12:00pm, with Fay Facilitator, at Civic Centre, Room 2');
    expect(page).toContain('31 October 2027</h3>');
    expect(page.match(/10:00am to 12:00pm/gu)).toHaveLength(3);
  });

  it('reminds the leads who have not booked, after a page naming them, once however often the confirmation is posted', async () => {
    const before = await (await sam.get(`/staff/areas/${AREA}/consultancy`)).text();
    expect(before).toContain('No reminder sent yet.');
    expect(before).toContain('Send a reminder to the leads');
    const asked = await sam.post(`/staff/areas/${AREA}/consultancy/reminders`, { session: '1' });
    expect(asked.status).toBe(200);
    const confirmation = await asked.text();
    expect(confirmation).toContain('Send a reminder to these 2 people?');
    expect(confirmation).toMatch(/<li>Lena Lead<\/li>\s*<li>Vic Lead<\/li>/u);
    const round = roundIn(confirmation);
    const reminded = async (person: Applicant) => (await emailsTo(person.email)).filter((email) => email.subject === 'Reminder: please book consultancy session 1: Consultancy Test');
    expect(await reminded(council)).toHaveLength(0);

    const confirmed = { session: '1', round, confirmed: 'yes' };
    const clicks = await Promise.all([1, 2, 3].map(() => sam.post(`/staff/areas/${AREA}/consultancy/reminders`, confirmed)));
    expect(clicks.map((click) => click.status)).toEqual([303, 303, 303]);
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/reminders`, confirmed)).status).toBe(303);

    for (const person of [council, voluntary]) {
      const emails = await reminded(person);
      expect(emails).toHaveLength(1);
      // The link in the reminder is a stored one: it opens the booking page.
      const link = linkIn(emails[0]!);
      expect((await fetch(`${base}${link}`)).status).toBe(200);
    }
    const audit = await auditOf();
    expect(audit.match(/Reminder sent: book consultancy session 1/gu)).toHaveLength(1);
    expect(audit).toContain('Reminded 2 people: Lena Lead, Vic Lead.');
    expect(await (await sam.get(`/staff/areas/${AREA}/consultancy`)).text()).toMatch(/Last reminded on \d+ \w+ \d{4} at [\d:]+[ap]m by Sam Rivers: Lena Lead, Vic Lead\./u);
  });

  it('refuses a reminder posted without a round from the confirmation page, and sends nothing', async () => {
    const refused = await sam.post(`/staff/areas/${AREA}/consultancy/reminders`, { session: '1', round: 'not-a-round', confirmed: 'yes' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('The reminder could not be sent from this page');
    expect((await emailsTo(council.email)).filter((email) => email.subject.startsWith('Reminder: please book'))).toHaveLength(1);
  });

  it('gives fifty simultaneous attempts on one slot exactly one booking and forty-nine "just taken" answers', async () => {
    const [first] = await slotsNow();
    const links = [await linkFor(council, 1), await linkFor(voluntary, 1)];
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${base}${links[i % 2]}`, form({ action: 'book', slotId: first!.slotId, sequence: '-1', ...seenOf(first!) }))));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const refused = await answers.find((answer) => answer.status === 409)!.text();
    expect(refused).toContain('That time has just been taken by someone else. Choose another time.');
    expect((await slotsNow()).filter((slot) => slot.bookedFor !== undefined)).toHaveLength(1);
  });

  it('shows the booking to both leads and sends both and the facilitator a calendar invitation', async () => {
    for (const person of [council, voluntary]) {
      const page = await (await fetch(`${base}${await linkFor(person, 1)}`)).text();
      expect(page).toMatch(/Booked by<\/dt><dd class="govuk-summary-list__value">(Lena|Vic) Lead/u);
    }
    for (const address of [council.email, voluntary.email, facilitator]) {
      const booked = (await emailsTo(address)).filter((email) => email.subject.startsWith('Booked: consultancy session 1'));
      expect(booked).toHaveLength(1);
      const ics = icsOf(booked[0]!);
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toContain('UID:consultancy-1-consultancy-test@pip-platform');
      expect(ics).toContain('DTSTART:20270328T090000Z');
    }
  });

  it('moves and cancels through the same link with calendar updates, and books again after a cancel', async () => {
    const link = await linkFor(voluntary, 1);
    const second = (await slotsNow())[1]!;
    const moved = await fetch(`${base}${link}`, form({ action: 'book', slotId: second.slotId, sequence: '0', ...seenOf(second) }));
    expect(moved.status).toBe(200);
    expect(await moved.text()).toContain('Moved. You, the other lead and the facilitator will get an email with a calendar file.');
    const update = (await emailsTo(facilitator)).find((email) => email.subject.startsWith('Moved: consultancy session 1'))!;
    expect(icsOf(update)).toContain('SEQUENCE:1');
    expect(update.body.text).toContain(`${voluntary.fullName} moved it.`);
    expect((await slotsNow()).filter((slot) => slot.bookedFor !== undefined).map((slot) => slot.slotId)).toEqual([second.slotId]);

    // The button only asks: a page says who will be emailed, and only its own form cancels.
    const asked = await fetch(`${base}${link}`, form({ action: 'cancel', sequence: '1' }));
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('Are you sure you want to cancel consultancy session 1?');
    expect(question).toContain('<li>Fay Facilitator</li>');
    expect((await slotsNow()).filter((slot) => slot.bookedFor !== undefined).map((slot) => slot.slotId)).toEqual([second.slotId]);
    expect((await emailsTo(council.email)).filter((email) => email.subject.startsWith('Cancelled: consultancy session 1'))).toHaveLength(0);

    const cancelled = await fetch(`${base}${link}`, form({ action: 'cancel', sequence: '1', confirmed: 'yes' }));
    expect(cancelled.status).toBe(200);
    const cancellation = (await emailsTo(council.email)).find((email) => email.subject.startsWith('Cancelled: consultancy session 1'))!;
    expect(icsOf(cancellation)).toContain('METHOD:CANCEL');
    expect((await slotsNow()).every((slot) => slot.bookedFor === undefined)).toBe(true);

    // A page that does not say which booking it showed, or shows one older than the cancel, changes nothing.
    const secondNow = (await slotsNow()).find((slot) => slot.slotId === second.slotId)!;
    for (const sequence of [undefined, '-1', '0', 'x']) {
      const stale = await fetch(`${base}${link}`, form({ action: 'book', slotId: second.slotId, ...seenOf(secondNow), ...(sequence === undefined ? {} : { sequence }) }));
      expect(stale.status, `sequence ${sequence}`).toBeGreaterThanOrEqual(400);
    }
    expect((await slotsNow()).every((slot) => slot.bookedFor === undefined)).toBe(true);

    const again = await fetch(`${base}${link}`, form({ action: 'book', slotId: second.slotId, sequence: '1', ...seenOf(secondNow) }));
    expect(again.status).toBe(200);
    expect((await emailsTo(facilitator)).filter((email) => email.subject.startsWith('Moved: consultancy session 1'))).toHaveLength(1);
    // Booked again after the cancel: an invitation numbered above the cancellation, so calendars take it.
    const rebooked = (await emailsTo(facilitator)).find((email) => email.subject.startsWith('Booked again: consultancy session 1'))!;
    const cancelSequence = Number(/SEQUENCE:(\d+)/u.exec(icsOf((await emailsTo(facilitator)).find((email) => email.subject.startsWith('Cancelled: consultancy session 1'))!))![1]);
    expect(icsOf(rebooked)).toContain('METHOD:REQUEST');
    expect(Number(/SEQUENCE:(\d+)/u.exec(icsOf(rebooked))![1])).toBeGreaterThan(cancelSequence);

    // The facilitator's calendar after every file, in order, as a calendar program keeps the newest: one confirmed event.
    const files = (await emailsTo(facilitator)).filter((email) => /consultancy session 1/u.test(email.subject) && email.attachments.length > 0).map(icsOf);
    const newest = files.map((ics) => ICAL.Component.fromString(ics)).reduce((held, calendar) => {
      const sequenceOf = (component: InstanceType<typeof ICAL.Component>) => Number(component.getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence'));
      return sequenceOf(calendar) > sequenceOf(held) ? calendar : held;
    });
    const event = newest.getFirstSubcomponent('vevent')!;
    expect(newest.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect((event.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString()).toBe(new Date(second.startsAt).toISOString());

    // A cancel from a page showing an older booking is refused too.
    const staleCancel = await fetch(`${base}${link}`, form({ action: 'cancel', sequence: '1', confirmed: 'yes' }));
    expect(staleCancel.status).toBe(409);
    expect((await slotsNow()).filter((slot) => slot.bookedFor !== undefined)).toHaveLength(1);
  });

  it('turns away an altered link and changes nothing; an expired link says so', async () => {
    const link = await linkFor(council, 1);
    const altered = `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`;
    const before = await slotsNow();
    const answer = await fetch(`${base}${altered}`, form({ action: 'cancel', confirmed: 'yes' }));
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain('This link does not work');
    expect(await slotsNow()).toEqual(before);
    moveClockTo(Date.now() + 366 * DAY);
    const expired = await fetch(`${base}${link}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
    delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
  });

  it('closes changes a day before, and offers session two only after session one took place, and the gap', async () => {
    const link = await linkFor(council, 1);
    const booked = (await slotsNow()).find((slot) => slot.bookedFor === 1)!;
    moveClockTo(Date.parse(booked.startsAt) - 12 * 60 * 60 * 1000);
    const late = await (await fetch(`${base}${link}`)).text();
    expect(late).toContain('less than a day before the session');
    expect((await fetch(`${base}${link}`, form({ action: 'cancel' }))).status).toBe(409);
    expect((await fetch(`${base}${link}`, form({ action: 'cancel', confirmed: 'yes' }))).status).toBe(409);

    expect((await sam.post(`/staff/areas/${AREA}/consultancy/held`, { session: '1', notes: 'Objectives 1 and 2 under way' })).status).toBe(409);
    moveClockTo(Date.parse(booked.endsAt) + 60_000);
    await expectSessionOneReadOnly(link, 'The time of session 1 has passed');
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/held`, { session: '1', notes: 'Objectives 1 and 2 under way' })).status).toBe(303);
    await expectSessionOneReadOnly(link, 'Session 1 is recorded as held');
    const sessionTwo = await (await fetch(`${base}${await linkFor(voluntary, 2)}`)).text();
    // Only the October slot is four weeks or more after session one.
    expect(sessionTwo).toContain('31 October 2027</h3>');
    expect(sessionTwo).not.toContain('28 March 2027</h3>');
    expect(await (await sam.get(`/staff/areas/${AREA}/timeline`)).text()).toContain('Notes on the action plan: Objectives 1 and 2 under way');
  });

  it('reminds the leads and alerts staff when session two stays unbooked, and staff can book it for them', async () => {
    moveClockTo(Date.now() + Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS) + 22 * DAY);
    await (await loadHandler<() => Promise<unknown>>('deliver-emails'))();
    expect((await emailsTo(council.email)).filter((email) => email.subject.startsWith('Please book consultancy session 2'))).toHaveLength(1);
    expect((await emailsTo('programme-team@pip.localhost')).filter((email) => email.subject === 'Not booked: consultancy session 2: Consultancy Test')).toHaveLength(1);
    const october = (await slotsNow()).find((slot) => slot.startsAt.startsWith('2027-10-31'))!;
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/bookings`, { session: '2', slotId: october.slotId })).status).toBe(303);
    const confirmation = (await emailsTo(voluntary.email)).filter((email) => email.subject.startsWith('Booked: consultancy session 2'));
    expect(confirmation).toHaveLength(1);
    expect(icsOf(confirmation[0]!)).toContain('DTSTART:20271031T100000Z');
    expect(confirmation[0]!.body.text).toContain('Sam Rivers (programme team) made the booking');
  });

  it('cancels a session for the leads only from a confirmation page naming everyone it emails, and books it again', async () => {
    const october = (await slotsNow()).find((slot) => slot.startsAt.startsWith('2027-10-31'))!;
    expect(await (await sam.get(`/staff/areas/${AREA}/consultancy`)).text()).toContain('Cancel session 2');
    const cancelledEmails = async () => (await emailsTo(facilitator)).filter((email) => email.subject.startsWith('Cancelled: consultancy session 2'));
    const asked = await sam.post(`/staff/areas/${AREA}/consultancy/cancel`, { session: '2', sequence: '0' });
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('Are you sure you want to cancel consultancy session 2?');
    expect(question).toMatch(/<li>Lena Lead<\/li>\s*<li>Vic Lead<\/li>\s*<li>Fay Facilitator<\/li>/u);
    expect(question).toContain('Yes, cancel session 2');
    expect((await slotsNow()).find((slot) => slot.slotId === october.slotId)!.bookedFor).toBe(2);
    expect(await cancelledEmails()).toHaveLength(0);

    expect((await sam.post(`/staff/areas/${AREA}/consultancy/cancel`, { session: '2', sequence: '0', confirmed: 'yes' })).status).toBe(303);
    expect(await cancelledEmails()).toHaveLength(1);
    expect((await slotsNow()).find((slot) => slot.slotId === october.slotId)!.bookedFor).toBeUndefined();
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/cancel`, { session: '2', sequence: '0', confirmed: 'yes' })).status).toBe(409);
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/bookings`, { session: '2', slotId: october.slotId })).status).toBe(303);
  });

  it('asks everyone for the follow-up review after session two, confirms the date most can make and invites them', async () => {
    const october = (await slotsNow()).find((slot) => slot.startsAt.startsWith('2027-10-31'))!;
    // The booking's calendars and reminders come from the table's stream: acted on before the clock moves past the first reminder.
    await tableStreamsSettled();
    moveClockTo(Date.parse(october.startsAt) - 6 * DAY);
    await (await loadHandler<() => Promise<unknown>>('deliver-emails'))();
    for (const address of [council.email, voluntary.email, facilitator]) {
      expect((await emailsTo(address)).filter((email) => email.subject === 'Reminder: consultancy session 2 is in 7 days, Consultancy Test')).toHaveLength(1);
    }
    moveClockTo(Date.parse(october.endsAt) + 60_000);
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/held`, { session: '2', notes: 'Plan on track' })).status).toBe(303);
    const proposal = { 'follow-up-1-date': '2027-11-15', 'follow-up-1-start': '10:00', 'follow-up-1-end': '12:30', 'follow-up-2-date': '2027-11-22', 'follow-up-2-start': '10:00', 'follow-up-2-end': '12:30', 'follow-up-venue': 'Town Hall' };
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/follow-up`, proposal)).status).toBe(303);
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/follow-up`, proposal)).status).toBe(303);
    const linkOf = async (person: Applicant) => {
      const emails = (await emailsTo(person.email)).filter((email) => email.subject.startsWith('Which dates suit you?'));
      expect(emails).toHaveLength(1);
      return /\/follow-up\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(emails[0]!.body.text ?? '')![0];
    };
    const councilPage = await (await fetch(`${base}${await linkOf(council)}`)).text();
    const options = [...councilPage.matchAll(/name="available" type="checkbox" value="([^"]+)"/gu)].map((match) => match[1]!);
    expect(options).toHaveLength(2);
    expect((await fetch(`${base}${await linkOf(council)}`, form({ available: options[1]! }))).status).toBe(200);
    // Staff see the names behind the count: who has answered and who has not.
    const staffPage = await (await sam.get(`/staff/areas/${AREA}/consultancy`)).text();
    expect(staffPage).toMatch(new RegExp(`Answered</dt>\\s*<dd[^>]*>\\s*${council.fullName}\\s*</dd>`, 'u'));
    expect(staffPage).toMatch(new RegExp(`Not answered yet</dt>\\s*<dd[^>]*>\\s*${voluntary.fullName}\\s*</dd>`, 'u'));

    // A reminder goes only to who has not answered, once per round.
    const asked = await (await sam.post(`/staff/areas/${AREA}/consultancy/follow-up/reminders`, {})).text();
    expect(asked).toContain('Send a reminder to this person?');
    expect(asked).toContain(`<li>${voluntary.fullName}</li>`);
    expect(asked).not.toContain(`<li>${council.fullName}</li>`);
    const confirmed = { round: roundIn(asked), confirmed: 'yes' };
    const clicks = await Promise.all([1, 2].map(() => sam.post(`/staff/areas/${AREA}/consultancy/follow-up/reminders`, confirmed)));
    expect(clicks.map((click) => click.status)).toEqual([303, 303]);
    const reminders = async (person: Applicant) => (await emailsTo(person.email)).filter((email) => email.subject.startsWith('Reminder: which dates suit you?'));
    expect(await reminders(voluntary)).toHaveLength(1);
    expect(await reminders(council)).toHaveLength(0);
    expect((await reminders(voluntary))[0]!.body.text).toContain('Please answer before 15 November 2027');
    expect(await (await sam.get(`/staff/areas/${AREA}/consultancy`)).text()).toContain(`by Sam Rivers: ${voluntary.fullName}.`);
    const both = new URLSearchParams([['available', options[0]!], ['available', options[1]!]]).toString();
    await fetch(`${base}${await linkOf(voluntary)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: both });
    // The confirm button only asks: the page names the date and everyone it will invite.
    const question = await sam.post(`/staff/areas/${AREA}/consultancy/follow-up/confirm`, {});
    expect(question.status).toBe(200);
    const questionPage = await question.text();
    expect(questionPage).toContain('Confirm the follow-up review for 10:00am on 22 November 2027?');
    expect(questionPage).toMatch(new RegExp(`<li>(${council.fullName}|${voluntary.fullName})</li>\\s*<li>(${council.fullName}|${voluntary.fullName})</li>`, 'u'));
    const optionId = /name="optionId" value="([^"]+)"/u.exec(questionPage)![1]!;
    expect((await emailsTo(council.email)).filter((email) => email.subject.startsWith('Invitation: follow-up review'))).toHaveLength(0);
    const tally = emptyTally();
    requestTallies.set('follow-up-confirm', tally);
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/follow-up/confirm`, { optionId, confirmed: 'yes' }, { headers: { 'x-bench-tally': 'follow-up-confirm' } })).status).toBe(303);
    requestTallies.delete('follow-up-confirm');
    // The area, the proposal, its answers and the group side by side; then the date confirmed with its line and announcement.
    expect({ readWaves: tally.readWaves, writes: tally.writes }).toEqual({ readWaves: 1, writes: 1 });
    expect((await sam.post(`/staff/areas/${AREA}/consultancy/follow-up/confirm`, { optionId, confirmed: 'yes' })).status).toBe(409);
    for (const person of [council, voluntary]) {
      const invitations = (await emailsTo(person.email)).filter((email) => email.subject.startsWith('Invitation: follow-up review'));
      expect(invitations).toHaveLength(1);
      expect(invitations[0]!.subject).toContain('22 November 2027');
      expect(icsOf(invitations[0]!)).toContain('UID:follow-up-consultancy-test@pip-platform');
    }
    const invitation = (await emailsTo(council.email)).find((email) => email.subject.startsWith('Invitation: follow-up review'))!;
    const answerLink = /\/follow-up\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(invitation.body.text ?? '')![0];
    expect(await (await fetch(`${base}${answerLink}`, form({ attending: 'no' }))).text()).toContain('your answer is saved');
    expect(await (await sam.get(`/staff/areas/${AREA}/consultancy`)).text()).toContain('0 will attend, 1 cannot.');
  });
});

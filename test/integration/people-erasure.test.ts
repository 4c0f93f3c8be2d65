import { randomUUID } from 'node:crypto';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, type PersonRecord } from '@pip/domain';
import { localStaff, type RunningPlatform } from '@pip/local';
import { followUpEmails } from '@pip/mail';
import { DynamoConsultancyStore, DynamoFollowUpStore, DynamoWorkshopStore, keys, personHashOf, type Item } from '@pip/storage';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, storesOf, uniqueEmail } from '../support/platform';
import { apply, closeRecruitment, openArea, ukDate, workshopScheduleForm, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';

/*
 * A person's export and erasure on request, over HTTP against DynamoDB Local. Erin applies to two
 * areas (first under an address that bounces, which staff correct), is reviewed with a note,
 * selected as a lead, attends a workshop, books a consultancy session, answers for the follow-up
 * review and evaluates the programme with a comment staff mark for publication. Then staff export
 * everything held about her, erase her, and erase her again. The tests run in order.
 */
const AREA = 'erasure-test';
const OTHER = 'erasure-other';
const ERIN = 'Erin Erasable';
let platform: RunningPlatform;
let base: string;
let sam: StaffSession;
let stores: ReturnType<typeof storesOf>;
let erin: Applicant;
let mistyped: string;
let vic: Applicant;
let nora: Applicant;
let erinElsewhere: Applicant;
let exported: PersonRecord;
const facilitator = `fay.${randomUUID().slice(0, 8)}@example.org`;
const comment = 'The second workshop changed how we commission.';
const note = `${ERIN} chairs the compact working group.`;

const now = () => Date.now() + Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0);
const moveClockBy = (milliseconds: number) => {
  process.env.PIP_LOCAL_CLOCK_OFFSET_MS = String(Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0) + milliseconds);
};
const form = (body: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
const PERSONAL_LINK = /\/(application|participation|consultancy|follow-up|evaluation)\/[\w-]{43}(?:\.[\w-]+){0,2}/gu;
/** The personal link to `path` in the newest email to `address` whose subject starts so. */
async function linkIn(address: string, subject: string, path: string): Promise<string> {
  const pattern = new RegExp(`/${path}/[\\w-]{43}(?:\\.[\\w-]+){0,2}`, 'u');
  const email = (await emailsTo(address)).filter((candidate) => candidate.subject.startsWith(subject) && pattern.test(candidate.body.text ?? '')).at(-1);
  if (!email) throw new Error(`No email “${subject}…” with a link to /${path} reached ${address}`);
  return pattern.exec(email.body.text ?? '')![0];
}
/** Waits until `check` holds, for what is sent after the request that caused it answered. */
async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check()); ) {
    if (Date.now() > deadline) throw new Error('Waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const roundIn = (page: string) => /name="round" value="([\w-]+)"/u.exec(page)![1]!;

async function scanAll(): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await stores.documents.send(new ScanCommand({ TableName: platform.tableName, ConsistentRead: true, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.sort((a, b) => `${a.pk}#${a.sk}`.localeCompare(`${b.pk}#${b.sk}`));
}

/** Every personal link Erin was emailed, at either address. */
async function erinsLinks(): Promise<string[]> {
  const emails = [...(await emailsTo(mistyped)), ...(await emailsTo(erin.email))];
  return [...new Set(emails.flatMap((email) => [...(email.body.text ?? '').matchAll(PERSONAL_LINK)].map((match) => match[0])))];
}

/** The figures every report shows, as staff read them: none may change when a person is erased. */
async function figures() {
  const textOf = async (path: string) => (await (await sam.get(path)).text()).replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ');
  const overview = await textOf('/staff');
  const csvFigures = async (path: string) =>
    (await (await sam.get(path)).text())
      .split('\r\n')
      .filter((line) => line !== '' && !/^\uFEFF?"(Not answered yet|Comment)"/u.test(line));
  const areaReport = await textOf(`/staff/areas/${AREA}/report`);
  const selection = await stores.selections.get(AREA);
  const attendance = await new DynamoWorkshopStore(stores.documents, platform.tableName).attendance(AREA);
  const rosterCsv = (await (await sam.get(`/staff/areas/${AREA}/roster.csv`)).text()).split('\r\n');
  return {
    overviewRows: ['Erasemouth', 'Otherwick'].map((name) => overview.slice(overview.indexOf(name), overview.indexOf(name) + 80)),
    applicationsPerSector: await Promise.all([AREA, OTHER].map(async (areaId) => (await stores.applications.listForArea(areaId)).map((application) => application.answers.sector).sort())),
    areaReportCsv: await csvFigures(`/staff/areas/${AREA}/report.csv`),
    regionReportCsv: await csvFigures('/staff/regions/south-west/report.csv?published=1'),
    areaReportPercentages: [...areaReport.matchAll(/\d+% [a-z ]+|Response rate: \d+% \(\d+ of \d+ participants\)/gu)].map((match) => match[0]),
    selectedPerSector: Object.fromEntries(Object.entries(selection!.selected).map(([sector, ids]) => [sector, ids.length])),
    leads: selection!.leads,
    outcomes: Object.values(selection!.outcomes ?? {}).map((outcome) => outcome.kind).sort(),
    attendance: Object.values(attendance).map((entry) => [entry.workshop, entry.members.length, entry.present.length]),
    rosterAttended: rosterCsv.map((line) => (line.match(/"Attended"/gu) ?? []).length).reduce((sum, count) => sum + count, 0),
    rosterRows: rosterCsv.length,
  };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  sam = staffSession(platform, localStaff[0]);
  stores = storesOf(platform);
  await openArea(platform, AREA, 'Erasemouth', 'south-west');
  await openArea(platform, OTHER, 'Otherwick', 'south-west');

  // Erin applies under an address that bounces; staff correct it, and what bounced goes again.
  mistyped = uniqueEmail('Erin.Mistyped');
  erin = await apply(platform, AREA, 'erin', { fullName: ERIN, email: mistyped, organisation: 'Erasemouth Council' });
  const failed = { messageId: `booking-link-${randomUUID()}`, to: mistyped, subject: 'Book consultancy session 1: Erasemouth', text: `Dear ${ERIN}, choose a time.`, html: `<p>Dear ${ERIN}, choose a time.</p>` };
  await stores.queueForMinuteDelivery(failed, new Date(now()).toISOString());
  await stores.unreachable.record({ address: mistyped, problem: 'bounced', suppressed: true, reason: `Permanent bounce for ${mistyped}`, at: new Date(now()).toISOString(), messageId: failed.messageId, subject: failed.subject });
  const corrected = uniqueEmail('Erin.Corrected');
  expect((await sam.post(`/staff/areas/${AREA}/applications/${erin.applicationId}/email`, { email: corrected })).status).toBe(303);
  erin = { ...erin, email: corrected };
  erinElsewhere = await apply(platform, OTHER, 'erin-other', { fullName: ERIN, email: corrected, organisation: 'Erasemouth Council' });

  vic = await apply(platform, AREA, 'vic', { fullName: 'Vic Voluntary', sector: 'voluntary-community', organisationKind: 'infrastructure-body', organisation: 'Erasemouth CVS' });
  nora = await apply(platform, AREA, 'nora', { fullName: 'Nora Notchosen', canAttendWorkshops: 'no', organisation: 'Erasemouth Fire' });
  await closeRecruitment(platform, AREA);
  for (const person of [erin, vic, nora]) {
    const review = { roleFit: '4', partnershipExperience: '4', commitment: '4', ...(person === erin ? { note } : {}) };
    expect((await sam.post(`/staff/areas/${AREA}/applications/${person.applicationId}/reviews`, review)).status).toBe(303);
  }
  const approved = await sam.post(`/staff/areas/${AREA}/selection`, {
    version: '0',
    action: 'approve',
    confirmed: 'yes',
    'selected-local-authority': erin.applicationId,
    'selected-voluntary-community': vic.applicationId,
    'lead-local-authority': erin.applicationId,
    'lead-voluntary-community': vic.applicationId,
  });
  expect(approved.status).toBe(303);
  expect((await sam.post(`/staff/areas/${AREA}/programme/workshops`, workshopScheduleForm(now()))).status).toBe(303);

  // Workshop 1, which both leads attend.
  moveClockBy(15 * DAY);
  expect((await sam.post(`/staff/areas/${AREA}/programme/attendance`, { workshop: '1', present: [erin.applicationId, vic.applicationId] })).status).toBe(303);

  // Erin books consultancy session 1 from her emailed link; Vic and the facilitator are told she did.
  const slot = { facilitator: 'Fay Facilitator', facilitatorEmail: facilitator, date: ukDate(now() + 10 * DAY), start: '10:00', end: '12:00', mode: 'in-person', where: 'Civic Centre' };
  expect((await sam.post(`/staff/areas/${AREA}/consultancy/slots`, slot)).status).toBe(303);
  const [{ platformPorts }, { sendBookingLinks }, { sendFollowUpLinks }, { openEvaluation }] = await Promise.all([
    import('@pip/functions/composition-root'),
    import('@pip/functions/use-cases/progress-reviews/send-booking-links'),
    import('@pip/functions/use-cases/progress-reviews/send-follow-up-links'),
    import('@pip/functions/use-cases/evaluation/open-evaluation'),
  ]);
  await sendBookingLinks(platformPorts(), AREA, 1);
  const bookingLink = await linkIn(erin.email, 'Book consultancy session 1', 'consultancy');
  const [published] = await new DynamoConsultancyStore(stores.documents, platform.tableName).slots(AREA);
  const booked = await fetch(`${base}${bookingLink}`, form({ action: 'book', slotId: published!.slotId, sequence: '-1', [`seen-${published!.slotId}`]: String(published!.version ?? 0) }));
  expect(booked.status).toBe(200);
  await until(async () => (await emailsTo(vic.email)).some((email) => email.body.text?.includes(`${ERIN} made the booking`)));

  // The follow-up review's dates, which Erin answers.
  const area = (await stores.areas.get(AREA))!;
  const options = [{ optionId: 'first', startsAt: new Date(now() + 60 * DAY).toISOString(), endsAt: new Date(now() + 60 * DAY + 2 * 3_600_000).toISOString() }];
  await new DynamoFollowUpStore(stores.documents, platform.tableName).propose({ areaId: AREA, options, venue: 'Town Hall', proposedBy: 'Sam Rivers' });
  await sendFollowUpLinks(platformPorts(), AREA, (to, url) => followUpEmails.dates(area, to, options, url));
  const followUpLink = await linkIn(erin.email, 'Which dates suit you?', 'follow-up');
  expect((await fetch(`${base}${followUpLink}`, form({ available: 'first' }))).status).toBe(200);

  // The evaluation: staff remind both leads by name, then Erin answers with a comment staff mark for publication, and Vic answers.
  await openEvaluation(platformPorts(), AREA);
  const asked = await (await sam.post(`/staff/areas/${AREA}/report/reminders`, {})).text();
  expect((await sam.post(`/staff/areas/${AREA}/report/reminders`, { round: roundIn(asked), confirmed: 'yes' })).status).toBe(303);
  const evaluationLink = (person: Applicant) => linkIn(person.email, 'How was the programme?', 'evaluation');
  const answers = { materials: 'good', content: 'excellent', facilitation: 'excellent', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'yes' };
  expect((await fetch(`${base}${await evaluationLink(erin)}`, form({ ...answers, comments: comment }))).status).toBe(200);
  expect((await fetch(`${base}${await evaluationLink(vic)}`, form({ ...answers, content: 'fair', metExpectations: 'no' }))).status).toBe(200);
  expect((await sam.post(`/staff/areas/${AREA}/report/comments`, { applicationId: erin.applicationId, publishable: 'yes', version: '1' })).status).toBe(303);
});
afterAll(async () => {
  delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
  stores?.documents.destroy();
  await platform?.stop();
});

describe('a person’s export', () => {
  it('finds them from the search, and holds every record the programme made of them in one JSON file', async () => {
    const search = await (await sam.get(`/staff/people?q=${encodeURIComponent('erin erasable')}`)).text();
    expect(search).toContain(`href="/staff/people/record?email=${encodeURIComponent(erin.email)}"`);

    const response = await sam.get(`/staff/people/record.json?email=${encodeURIComponent(erin.email.toUpperCase())}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="person-record-\d{4}-\d{2}-\d{2}\.json"$/u);
    const body = await response.text();
    exported = JSON.parse(body) as PersonRecord;

    expect(exported.addresses.sort()).toEqual([erin.email.toLowerCase(), mistyped.toLowerCase()].sort());
    expect(exported.applications.map((held) => held.application.applicationId).sort()).toEqual([erin.applicationId, erinElsewhere.applicationId].sort());
    const here = exported.applications.find((held) => held.area.areaId === AREA)!;
    expect(here.reviews.map((review) => review.note)).toEqual([note]);
    expect(here.selection).toMatchObject({ status: 'approved', selected: true, lead: true, outcome: { kind: 'selected' } });
    expect(here.attendance).toEqual([expect.objectContaining({ workshop: 1, member: true, present: true })]);
    expect(here.bookings).toEqual([expect.objectContaining({ session: 1, bookedBy: ERIN, status: 'booked' })]);
    expect(here.followUp).toMatchObject({ answeredDates: true, available: ['first'] });
    expect(here.evaluation).toMatchObject({ answers: { comments: comment }, commentPublishable: true });
    expect(here.reminders).toEqual([expect.objectContaining({ kind: 'evaluation', reminded: expect.arrayContaining([ERIN]) })]);
    expect(here.calendar?.recipient).toEqual({ name: ERIN, email: erin.email });
    const actions = here.audit.map((entry) => entry.action);
    for (const action of ['Email address corrected', 'Application reviewed', 'Attendance recorded', 'Consultancy session booked', 'Reminder sent: evaluation', 'Evaluation comment marked publishable']) {
      expect(actions).toContain(action);
    }

    // Every email the test saw go to either address is in it, and the one that bounced.
    const delivered = [...(await emailsTo(mistyped)), ...(await emailsTo(erin.email))].map((email) => email.subject);
    const held = exported.emails.map((email) => email.subject);
    for (const subject of delivered) expect(held).toContain(subject);
    expect(exported.emails.some((email) => email.to === mistyped && email.subject === 'Book consultancy session 1: Erasemouth')).toBe(true);
    expect(new Set(exported.links.map((link) => link.purpose))).toEqual(new Set(['application', 'withdraw', 'consultancy', 'follow-up', 'evaluation']));
    expect(exported.unreachable.map((problem) => problem.address)).toEqual([mistyped.toLowerCase()]);

    // Never a live link: no token of any link she was sent is in the file.
    for (const link of await erinsLinks()) expect(body).not.toContain(link.split('/').at(-1));
  });

  it('shows the same as a readable page, and says plainly when nothing is held', async () => {
    const page = await (await sam.get(`/staff/people/record?email=${encodeURIComponent(erin.email)}`)).text();
    expect(page).toContain(`Everything we hold about ${erin.email}`);
    expect(page).toContain('Erasemouth: application');
    expect(page).toContain(note);
    expect(page).toContain('Download everything as JSON');
    expect(page).toContain('Erase this person');
    const unknown = await sam.get('/staff/people/record?email=nobody-here%40example.org');
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain('We hold nothing about nobody-here@example.org.');
    const bad = await sam.get('/staff/people/record?email=not-an-address');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter an email address in the correct format');
  });
});

describe('erasing a person on request', () => {
  let before: Awaited<ReturnType<typeof figures>>;
  let vicLink: string;

  it('asks first, saying what goes and what stays, and changes nothing until confirmed', async () => {
    before = await figures();
    vicLink = await linkIn(vic.email, 'How was the programme?', 'evaluation');
    const items = await scanAll();
    const asked = await sam.post('/staff/people/erase', { email: erin.email });
    expect(asked.status).toBe(200);
    const page = await asked.text();
    expect(page).toContain('Are you sure you want to erase this person?');
    expect(page).toContain('will be kept under that pseudonym');
    expect(page).toContain('Kept as they are: applications per sector');
    expect(page).toContain('name="confirmed" value="yes"');
    expect(await scanAll()).toEqual(items);
    // Without the CSRF token, nothing either.
    expect((await sam.post('/staff/people/erase', { email: erin.email, confirmed: 'yes' }, { csrf: false })).status).toBe(403);
    expect(await scanAll()).toEqual(items);
  });

  it('leaves their address, old address and name nowhere in the table, their links dead, and every figure as it was', async () => {
    const links = await erinsLinks();
    expect(links.length).toBeGreaterThanOrEqual(4);
    const done = await sam.post('/staff/people/erase', { email: erin.email, confirmed: 'yes' });
    expect(done.status).toBe(200);
    const page = await done.text();
    expect(page).toContain('The person has been erased');
    expect(page).toMatch(/Person [0-9A-F]{8} \(application /u);

    const table = JSON.stringify(await scanAll()).toLowerCase();
    for (const trace of [erin.email, mistyped, ERIN, note, comment]) expect(table).not.toContain(trace.toLowerCase());
    for (const address of [erin.email, mistyped]) {
      const indexed = await stores.documents.send(
        new QueryCommand({ TableName: platform.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :person', ExpressionAttributeValues: { ':person': keys.personIndexOf(personHashOf(address)).gsi2pk } }),
      );
      expect(indexed.Items).toEqual([]);
    }
    for (const link of links) {
      const answer = await fetch(`${base}${link}`);
      expect(answer.status).toBeGreaterThanOrEqual(404);
      expect(await answer.text()).toContain('This link does not work');
    }
    // Someone else's link still works.
    expect((await fetch(`${base}${vicLink}`)).status).toBe(200);
    expect(await figures()).toEqual(before);
  });

  it('records the erasure in each area’s timeline: who did it and how much, never whom', async () => {
    for (const areaId of [AREA, OTHER]) {
      const entries = (await stores.audit.listForArea(areaId)).filter((entry) => entry.action === 'Person erased on request');
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry!.actor).toEqual({ staffId: localStaff[0]!.staffId, name: localStaff[0]!.name });
      expect(entry!.summary).toMatch(/^Person [0-9A-F]{8} \(application PIP-[\w-]+\) erased at their request: 1 application kept under a pseudonym/u);
      expect(JSON.stringify(entry).toLowerCase()).not.toContain('erin');
    }
    const here = (await stores.audit.listForArea(AREA)).find((entry) => entry.action === 'Person erased on request')!;
    expect(here.summary).toMatch(/1 review note removed; 1 evaluation comment removed; \d+ records with their name or address replaced; \d+ emails emptied/u);
    expect(here.summary).toMatch(/\d+ personal links removed/u);
  });

  it('changes nothing when the same person is erased again', async () => {
    const items = await scanAll();
    const again = await sam.post('/staff/people/erase', { email: erin.email, confirmed: 'yes' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Nothing to erase');
    expect(await scanAll()).toEqual(items);
    const record = await (await sam.get(`/staff/people/record?email=${encodeURIComponent(erin.email)}`)).text();
    expect(record).toContain(`We hold nothing about ${erin.email}.`);
  });
});

describe('erasing a nominee who never applied', () => {
  it('removes the nomination and its link, and their name from the partner’s emails, in the area’s timeline as counts', async () => {
    // An area open for applications by the platform's clock, which the earlier tests moved on.
    const NOMINATED = 'erasure-nominated';
    await stores.areas.add(
      { areaId: NOMINATED, name: 'Nominee Vale', regionId: 'south-west', recruitment: { opensAt: new Date(now() - DAY).toISOString(), closesAt: new Date(now() + DAY).toISOString() } },
      { areaId: NOMINATED, entryId: randomUUID(), at: new Date(now()).toISOString(), actor: { name: 'Test set-up' }, action: 'Area added', summary: 'Nominee Vale added.' },
    );
    const contact = uniqueEmail('acre-contact');
    expect((await sam.post('/staff/partners', { kind: 'acre', contactName: 'Nadia Nominator', contactEmail: contact })).status).toBe(303);
    const partnerLink = await linkIn(contact, '', 'nominate');
    const nominee = uniqueEmail('Nell.Nominee');
    const nominated = await fetch(
      `${base}${partnerLink}`,
      form({ areaId: NOMINATED, candidateName: 'Nell Nominee', candidateEmail: nominee, candidateOrganisation: 'Otherwick CVS', candidateJobTitle: 'Chief Officer', reason: 'Nell Nominee runs the forum.' }),
    );
    expect(nominated.status).toBe(200);
    await until(async () => (await emailsTo(nominee)).length > 0 && (await emailsTo(contact)).length > 1);
    const links = (await emailsTo(nominee)).flatMap((email) => [.../\/apply\/[\w-]+\?nomination=[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(email.body.text ?? '') ?? []]);
    expect(links.length).toBeGreaterThan(0);
    expect((await fetch(`${base}${links[0]}`)).status).toBe(200);
    const record = (await (await sam.get(`/staff/people/record.json?email=${encodeURIComponent(nominee)}`)).json()) as PersonRecord;
    expect(record.nominations).toEqual([expect.objectContaining({ candidateName: 'Nell Nominee', areaId: NOMINATED })]);
    expect(record.links.map((link) => link.purpose)).toEqual(['nomination']);

    const done = await sam.post('/staff/people/erase', { email: nominee, confirmed: 'yes' });
    expect(await done.text()).toContain('The person has been erased');
    const table = JSON.stringify(await scanAll()).toLowerCase();
    expect(table).not.toContain('nell nominee');
    expect(table).not.toContain(nominee.toLowerCase());
    // The nomination link no longer fills anything in: the form says so, and is empty.
    for (const link of links) {
      const page = await (await fetch(`${base}${link}`)).text();
      expect(page).toContain('The nomination link you followed has expired or is not complete');
      expect(page).not.toContain('Otherwick CVS');
    }
    const entry = (await stores.audit.listForArea(NOMINATED)).filter((candidate) => candidate.action === 'Person erased on request').find((candidate) => candidate.summary.includes('nomination'));
    expect(entry?.summary).toMatch(/^Person [0-9A-F]{8} erased at their request: .*1 nomination removed/u);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, formatUkDate } from '@pip/domain';
import { localStaff, type RunningPlatform } from '@pip/local';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, storesOf, uniqueEmail } from '../support/platform';
import { apply, closeRecruitment, openArea, workshopScheduleForm, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';

/*
 * The roster of an area over HTTP against DynamoDB Local: a selection approved, a participant who
 * withdraws after workshop 1, the reserve who takes the place, attendance at two workshops, and a
 * person found by name or email across two areas. The tests run in order.
 */
const AREA = 'roster-test';
const OTHER = 'roster-other';
let platform: RunningPlatform;
let base: string;
let sam: StaffSession;
let lead: Applicant;
let leaving: Applicant;
let reserve: Applicant;
let voluntaryLead: Applicant;
let morgan: Applicant;
let withdrewOn = '';
let joinedOn = '';

const now = () => Date.now() + Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0);
const moveClockBy = (milliseconds: number) => {
  process.env.PIP_LOCAL_CLOCK_OFFSET_MS = String(Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0) + milliseconds);
};
const participationLink = (text: string | undefined) => /\/participation\/[A-Za-z0-9_-]{43}(?:\.[\w-]+){0,2}/u.exec(text ?? '')![0];

/** The text of a page's table row that names the person, tags and line breaks aside. */
async function rowOf(path: string, person: Applicant): Promise<string> {
  const page = await (await sam.get(path)).text();
  const row = page.split('<tr').find((candidate) => candidate.includes(person.applicationId) && candidate.includes(person.fullName));
  if (!row) throw new Error(`No row for ${person.fullName} on ${path}`);
  return row.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ');
}

/** The CSV's rows as lists of cells (no cell here holds a comma or a line break). */
async function csvRows(path: string): Promise<string[][]> {
  const csv = (await (await sam.get(path)).text()).replace(/^\uFEFF/u, '');
  return csv.trim().split('\r\n').map((line) => line.slice(1, -1).split('","'));
}

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  sam = staffSession(platform, localStaff[0]);
  await openArea(platform, AREA, 'Rosterton');
  await openArea(platform, OTHER, 'Otherton', 'north-east');
  lead = await apply(platform, AREA, 'roster-lead', { fullName: 'Lena Lead', organisation: 'Rosterton Council' });
  leaving = await apply(platform, AREA, 'roster-leaving', { fullName: 'Wes Withdrawn', organisation: 'Rosterton Fire Service' });
  reserve = await apply(platform, AREA, 'roster-reserve', { fullName: 'Rita Reserve', organisation: 'Rosterton Health' });
  voluntaryLead = await apply(platform, AREA, 'roster-vcs', {
    fullName: 'Vic Voluntary',
    organisation: 'Rosterton CVS',
    sector: 'voluntary-community',
    organisationKind: 'infrastructure-body',
  });
  // The same person applies to both areas; here they cannot come to the workshops, so are not selected.
  const email = uniqueEmail('Morgan.Findable');
  const morganHere = await apply(platform, AREA, 'roster-morgan', {
    fullName: 'Morgan Findable',
    email,
    organisation: '=Formula Trust',
    canAttendWorkshops: 'no',
  });
  morgan = { ...morganHere, email };
  await apply(platform, OTHER, 'other-morgan', { fullName: 'Morgan Findable', email, organisation: 'Otherton Council' });
  await closeRecruitment(platform, AREA);
  for (const person of [lead, leaving, reserve, voluntaryLead, morgan]) {
    await sam.post(`/staff/areas/${AREA}/applications/${person.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '4', commitment: '4' });
  }
  const approved = await sam.post(`/staff/areas/${AREA}/selection`, {
    version: '0',
    action: 'approve',
    // Approval asks to confirm first; this is the confirmation page's post.
    confirmed: 'yes',
    'selected-local-authority': [lead.applicationId, leaving.applicationId],
    'selected-voluntary-community': voluntaryLead.applicationId,
    'lead-local-authority': lead.applicationId,
    'lead-voluntary-community': voluntaryLead.applicationId,
  });
  expect(approved.status).toBe(303);
  expect((await sam.post(`/staff/areas/${AREA}/programme/workshops`, workshopScheduleForm(now()))).status).toBe(303);
});
afterAll(async () => {
  delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
  await platform?.stop();
});

describe('the roster of an area', () => {
  it('shows the approved selection: leads, the selected, the reserve by rank and the one not selected', async () => {
    const response = await sam.get(`/staff/areas/${AREA}/roster`);
    expect(response.status).toBe(200);
    expect(await rowOf(`/staff/areas/${AREA}/roster`, lead)).toContain('Lead participant');
    expect(await rowOf(`/staff/areas/${AREA}/roster`, leaving)).toContain('Selected');
    expect(await rowOf(`/staff/areas/${AREA}/roster`, reserve)).toContain('Reserve 1, next in line');
    expect(await rowOf(`/staff/areas/${AREA}/roster`, morgan)).toContain('Not selected');
    expect(await response.text()).toContain(`<a class="govuk-link" href="mailto:${lead.email}">${lead.email}</a>`);
  });

  it('keeps attendance as it was when a participant withdraws after workshop 1 and a reserve takes the place', async () => {
    moveClockBy(15 * DAY);
    const present = [lead.applicationId, voluntaryLead.applicationId, reserve.applicationId];
    expect((await sam.post(`/staff/areas/${AREA}/programme/attendance`, { workshop: '1', present })).status).toBe(303);
    expect((await sam.post(`/staff/areas/${AREA}/selection/withdrawals`, { applicationId: leaving.applicationId })).status).toBe(303);
    withdrewOn = formatUkDate(new Date(now()));
    const offers = async () => (await emailsTo(reserve.email)).filter((email) => email.subject.startsWith('A place is available'));
    await expect.poll(async () => (await offers()).length, { timeout: 60_000 }).toBe(1);
    const [offer] = await offers();
    moveClockBy(DAY);
    const accepted = await fetch(`${base}${participationLink(offer!.body.text)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=accept',
      redirect: 'manual',
    });
    expect(accepted.status).toBeLessThan(400);
    joinedOn = formatUkDate(new Date(now()));
    moveClockBy(34 * DAY);
    const secondWorkshop = { workshop: '2', present: [lead.applicationId, reserve.applicationId] };
    expect((await sam.post(`/staff/areas/${AREA}/programme/attendance`, secondWorkshop)).status).toBe(303);

    const roster = `/staff/areas/${AREA}/roster`;
    expect(await rowOf(roster, lead)).toMatch(/1 on [^:]+: Attended 2 on [^:]+: Attended 3 on [^:]+: Not yet held/u);
    expect(await rowOf(roster, leaving)).toContain(`Withdrew on ${withdrewOn}`);
    expect(await rowOf(roster, leaving)).toMatch(/1 on [^:]+: Absent 2 on [^:]+: Not in the group then/u);
    expect(await rowOf(roster, reserve)).toContain(`Joined from the reserves on ${joinedOn}`);
    expect(await rowOf(roster, reserve)).toMatch(/1 on [^:]+: Not in the group then 2 on [^:]+: Attended/u);
    expect(await rowOf(roster, voluntaryLead)).toMatch(/1 on [^:]+: Attended 2 on [^:]+: Absent/u);
    expect(await rowOf(roster, lead)).toContain('Session 1 not booked yet; Session 2 not booked yet');
    expect(await rowOf(roster, reserve)).toContain('Not a lead');
  });

  it('downloads the roster as CSV in the team’s words and UK dates, with formulas neutralised', async () => {
    const response = await sam.get(`/staff/areas/${AREA}/roster.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('roster-test-roster.csv');
    const [header, ...rows] = await csvRows(`/staff/areas/${AREA}/roster.csv`);
    expect(header!.slice(0, 8)).toEqual(['Reference', 'Name', 'Email', 'Email problem', 'Organisation', 'Job title', 'Sector', 'Status']);
    expect(header![8]).toMatch(/^Workshop 1 \(\d{1,2} [A-Z][a-z]+ \d{4}\)$/u);
    expect(header!.slice(-3)).toEqual(['Consultancy sessions', 'Follow-up review', 'Evaluation']);
    const rowFor = (person: Applicant) => rows.find((row) => row[0] === person.applicationId)!;
    expect(rows).toHaveLength(5);
    expect(rowFor(leaving).slice(7, 12)).toEqual([`Withdrew on ${withdrewOn}`, 'Absent', 'Not in the group then', 'Not yet held', 'Not yet held']);
    expect(rowFor(reserve).slice(7, 10)).toEqual([`Joined from the reserves on ${joinedOn}`, 'Not in the group then', 'Attended']);
    expect(rowFor(lead).slice(1, 3)).toEqual([lead.fullName, lead.email]);
    expect(rowFor(morgan)[4]).toBe("'=Formula Trust");
    expect(rowFor(morgan)[7]).toBe('Not selected');
    expect(rowFor(lead).at(-1)).toBe('Not asked yet');
  });

  it('says who the evaluation asked: those in the group when it opened', async () => {
    const [{ platformPorts }, { openEvaluation }] = await Promise.all([
      import('@pip/functions/composition-root'),
      import('@pip/functions/use-cases/evaluation/open-evaluation'),
    ]);
    await openEvaluation(platformPorts(), AREA);
    const [header, ...rows] = await csvRows(`/staff/areas/${AREA}/roster.csv`);
    const evaluation = header!.indexOf('Evaluation');
    const answerOf = (person: Applicant) => rows.find((row) => row[0] === person.applicationId)![evaluation];
    expect([lead, reserve, leaving, morgan].map(answerOf)).toEqual(['Not answered', 'Not answered', 'Not asked', 'Not asked']);
  });

  it('marks a person the platform could not reach, in the roster and its CSV', async () => {
    const stores = storesOf(platform);
    await stores.unreachable.record({
      address: leaving.email,
      problem: 'bounced',
      suppressed: true,
      reason: 'Permanent bounce (NoEmail)',
      at: new Date(now()).toISOString(),
      messageId: 'workshop-invitation-x',
      subject: 'Invitation: workshop 3',
    });
    stores.documents.destroy();
    const row = await rowOf(`/staff/areas/${AREA}/roster`, leaving);
    expect(row).toContain('Email bounced');
    expect(row).toContain('Permanent bounce (NoEmail). Nothing more is sent to this address.');
    const [header, ...rows] = await csvRows(`/staff/areas/${AREA}/roster.csv`);
    const problem = header!.indexOf('Email problem');
    expect(rows.find((csvRow) => csvRow[0] === leaving.applicationId)![problem]).toMatch(/^Email bounced: “Invitation: workshop 3”, .+ Nothing more is sent/u);
    expect(rows.find((csvRow) => csvRow[0] === lead.applicationId)![problem]).toBe('');
  });

  it('shows the same status in the applications table and its CSV', async () => {
    expect(await rowOf(`/staff/areas/${AREA}`, leaving)).toContain(`Withdrew on ${withdrewOn}`);
    expect(await rowOf(`/staff/areas/${AREA}`, reserve)).toContain(`Joined from the reserves on ${joinedOn}`);
    const [header, ...rows] = await csvRows(`/staff/areas/${AREA}/applications.csv`);
    const status = header!.indexOf('Status');
    expect(status).toBeGreaterThan(0);
    expect(rows.find((row) => row[0] === lead.applicationId)![status]).toBe('Lead participant');
    expect(rows.find((row) => row[0] === reserve.applicationId)![status]).toBe(`Joined from the reserves on ${joinedOn}`);
  });
});

describe('finding a person across areas', () => {
  it('finds them by part of their name or email, whatever the case, once in each area they applied to', async () => {
    for (const typed of ['morgan find', 'MORGAN.FINDABLE']) {
      const response = await sam.get(`/staff/people?q=${encodeURIComponent(typed)}`);
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('2 people found');
      const rows = page.split('<tr').slice(2).map((row) => row.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' '));
      expect(rows.some((row) => row.includes('Otherton') && row.includes('Awaiting selection'))).toBe(true);
      expect(rows.some((row) => row.includes('Rosterton') && row.includes('Not selected'))).toBe(true);
      expect(page).toContain(`href="/staff/areas/${AREA}/applications/${morgan.applicationId}"`);
      expect(page).toContain(`href="/staff/areas/${OTHER}/roster"`);
    }
  });

  it('asks for at least two characters, with the error at the field, and shows only the form before a search', async () => {
    const short = await sam.get('/staff/people?q=%20m%20');
    expect(short.status).toBe(400);
    const page = await short.text();
    expect(page).toContain('<title>Error: Find a person');
    expect(page).toContain('href="#q">Enter at least 2 characters of a name or email address');
    expect(page).toContain('id="q-error"');
    const blank = await sam.get('/staff/people');
    expect(blank.status).toBe(200);
    expect(await blank.text()).not.toContain('found');
    expect(await (await sam.get('/staff/people?q=nobody-at-all')).text()).toContain('Nobody’s name or email address contains “nobody-at-all”');
  });

  it('is for staff only: someone not signed in is sent to sign in', async () => {
    for (const path of ['/staff/people?q=morgan', `/staff/areas/${AREA}/roster`, `/staff/areas/${AREA}/roster.csv`]) {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/staff\/sign-in/u);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '@pip/domain';
import { loadHandler, localStaff, type RunningPlatform } from '@pip/local';
import { DynamoAreaProgressStore, DynamoAreaStore, DynamoWorkshopStore, createDocumentClient } from '@pip/storage';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, openArea, ukDate, workshopScheduleForm, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';
import { countDynamoCalls, emptyTally, requestTallies } from '../bench/dynamo-calls';

/*
 * One area from open recruitment to complete, through the state machine the CDK stack
 * synthesizes, run locally by aws-local-stepfunctions. Time moves by the local clock control.
 */
const AREA = 'workflow-test';
const TEAM = 'programme-team@pip.localhost';
let platform: RunningPlatform;
let sam: StaffSession;
const people: Applicant[] = [];
let scheduledFrom = 0;
let scheduleForm: Record<string, string> = {};

const now = () => Date.now() + Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0);
const workflow = () => platform.workflow!;

async function stage(): Promise<string | undefined> {
  await workflow().idle(AREA);
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  const progress = await new DynamoAreaProgressStore(documents, platform.tableName).get(AREA);
  documents.destroy();
  return progress?.stage;
}

// The calls each request makes to the table, counted as the round-trips bench counts them.
countDynamoCalls();

const teamSubjects = async () => (await emailsTo(TEAM)).map((email) => email.subject).filter((subject) => subject.endsWith('Workflow Test'));


beforeAll(async () => {
  platform = await startTestPlatform({ workflow: true });
  sam = staffSession(platform, localStaff[0]);
  await openArea(platform, AREA, 'Workflow Test', 'london');
  for (const [i, sector] of (['local-authority', 'local-authority', 'voluntary-community', 'voluntary-community'] as const).entries()) {
    people.push(
      await apply(platform, AREA, `wf-${i}`, {
        fullName: `Participant ${i}`,
        organisation: `Organisation ${i}`,
        sector,
        ...(sector === 'voluntary-community' ? { organisationKind: 'infrastructure-body', roleLevel: 'chief-executive-or-chief-officer' } : {}),
      }),
    );
  }
});
afterAll(() => platform?.stop());

/** The progress-review stage: both leads are emailed links; one books session one, which then takes place. */
async function bookConsultancyThroughTheLeads() {
  const leads = [people[0]!, people[2]!];
  for (const lead of leads) expect((await emailsTo(lead.email)).filter((email) => email.subject === 'Book consultancy session 1: Partnership Improvement Programme, Workflow Test')).toHaveLength(1);
  const slot = { facilitator: 'Fay Facilitator', facilitatorEmail: 'fay.workflow@example.org', date: ukDate(now() + 10 * DAY), start: '10:00', end: '12:00', mode: 'in-person', where: 'Civic Centre' };
  expect((await sam.post(`/staff/areas/${AREA}/consultancy/slots`, slot)).status).toBe(303);
  const invitation = (await emailsTo(leads[1]!.email)).find((email) => email.subject.startsWith('Book consultancy session 1'))!;
  const link = /\/consultancy\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(invitation.body.text ?? '')![0];
  const page = await (await fetch(`${platform.url.replace('localhost', '127.0.0.1')}${link}`)).text();
  const slotId = /name="slotId" type="radio" value="([^"]+)"/u.exec(page)![1]!;
  const booked = await fetch(`${platform.url.replace('localhost', '127.0.0.1')}${link}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action: 'book', slotId, sequence: '-1', [`seen-${slotId}`]: '0' }).toString(),
  });
  expect(booked.status).toBe(200);
  for (const address of [...leads.map((lead) => lead.email), 'fay.workflow@example.org']) {
    expect((await emailsTo(address)).filter((email) => email.subject.startsWith('Booked: consultancy session 1'))).toHaveLength(1);
  }
  await workflow().advanceClock(11 * DAY);
  expect((await sam.post(`/staff/areas/${AREA}/consultancy/held`, { session: '1', notes: 'Good progress' })).status).toBe(303);
  for (const lead of leads) expect((await emailsTo(lead.email)).filter((email) => email.subject.startsWith('Book consultancy session 2'))).toHaveLength(1);
  const missing = await sam.post(`/staff/areas/${AREA}/progress-reviews`, { occasion: 'session-1', 'status-objective-1': 'under-way' });
  expect(missing.status).toBe(400);
  expect(await missing.text()).toContain('Select the status of objective 2');
  const saved = await sam.post(`/staff/areas/${AREA}/progress-reviews`, {
    occasion: 'session-1',
    'status-objective-1': 'under-way',
    'note-objective-1': 'Draft framework with the compact group',
    'status-objective-2': 'not-started',
    newConcerns: 'Budget cuts may delay the strategy',
  });
  expect(saved.status).toBe(303);
  const reviews = await (await sam.get(`/staff/areas/${AREA}/progress-reviews`)).text();
  expect(reviews).toContain('A joint commissioning framework');
  expect(reviews).toContain('Under way<br><span class="govuk-body-s">Draft framework with the compact group</span>');
  expect(reviews).toContain('Budget cuts may delay the strategy');
}

describe('an area carried through its stages by the local workflow', () => {
  it('starts once when recruitment is open, and waits for it to close', async () => {
    await Promise.all([workflow().start(AREA), workflow().start(AREA)]);
    expect(await stage()).toBe('recruitment');
  });

  it('proposes the selection when recruitment closes and asks staff to approve it', async () => {
    for (const person of people) {
      await sam.post(`/staff/areas/${AREA}/applications/${person.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '4', commitment: '4' });
    }
    await workflow().advanceClock(2 * DAY);
    expect(await stage()).toBe('selection');
    expect(await teamSubjects()).toContain('Applications have closed: review and approve the selection: Workflow Test');
    // The timeline says when recruitment opened and closed, not when the workflow noticed.
    const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
    const [progress, area] = await Promise.all([new DynamoAreaProgressStore(documents, platform.tableName).get(AREA), new DynamoAreaStore(documents, platform.tableName).get(AREA)]);
    documents.destroy();
    expect(progress?.history.map((entry) => [entry.stage, entry.at])).toEqual([
      ['recruitment', area!.recruitment.opensAt],
      ['selection', area!.recruitment.closesAt],
    ]);
  });

  it('sends the outcomes when staff approve, then waits for the visit and the workshops', async () => {
    const view = (await (await fetch(`${platform.url.replace('localhost', '127.0.0.1')}/api/staff/areas/${AREA}/selection`, { headers: { authorization: `Bearer ${sam.idToken}` } })).json()) as {
      selection: { selected: Record<string, string[]>; version: number };
    };
    const approvalTally = emptyTally();
    requestTallies.set('approval', approvalTally);
    const approval = await sam.post(`/staff/areas/${AREA}/selection`, {
      version: String(view.selection.version),
      action: 'approve',
      confirmed: 'yes',
      'selected-local-authority': view.selection.selected['local-authority']!,
      'selected-voluntary-community': view.selection.selected['voluntary-community']!,
      'lead-local-authority': people[0]!.applicationId,
      'lead-voluntary-community': people[2]!.applicationId,
    }, { headers: { 'x-bench-tally': 'approval' } });
    requestTallies.delete('approval');
    expect(approval.status).toBe(303);
    // One round trip of reads (the area's applications, reviews, selection, conflicts of interest and the
    // step), then one transaction: the selection, its timeline line, its announcement and the step done.
    expect({ readWaves: approvalTally.readWaves, writes: approvalTally.writes, transactions: approvalTally.commands.TransactWriteItems }).toEqual({ readWaves: 1, writes: 1, transactions: 1 });
    expect(await stage()).toBe('preparation');
    for (const person of people) expect((await emailsTo(person.email)).filter((email) => email.subject.startsWith('You have been selected'))).toHaveLength(1);
    expect(await (await sam.get(`/staff/areas/${AREA}/programme`)).text()).toContain('waiting for staff to record the area visit and schedule the four workshops');
  });

  it('briefs every participant and invites them to four workshops with calendar files once the visit and schedule are in', async () => {
    expect((await sam.post(`/staff/areas/${AREA}/programme/visit`, { visitedOn: ukDate(now()) })).status).toBe(303);
    expect(await stage()).toBe('preparation');
    // Only the half of preparation still to do is asked for.
    expect(await (await sam.get(`/staff/areas/${AREA}/programme`)).text()).toContain('waiting for staff to schedule the four workshops');
    scheduledFrom = now();
    const form = workshopScheduleForm(scheduledFrom);
    const tally = emptyTally();
    requestTallies.set('schedule', tally);
    expect((await sam.post(`/staff/areas/${AREA}/programme/workshops`, form, { headers: { 'x-bench-tally': 'schedule' } })).status).toBe(303);
    requestTallies.delete('schedule');
    // One round trip of reads (the schedule, the facilitators' calendars, the visit, the step), then one
    // transaction: the schedule with its timeline line, its announcement and preparation done.
    expect({ readWaves: tally.readWaves, writes: tally.writes, transactions: tally.commands.TransactWriteItems }).toEqual({ readWaves: 1, writes: 1, transactions: 1 });
    scheduleForm = form;
    expect(await stage()).toBe('delivery');
    for (const person of people) {
      const emails = await emailsTo(person.email);
      expect(emails.filter((email) => email.subject.startsWith('Your briefing'))).toHaveLength(1);
      const invitations = emails.filter((email) => email.subject.startsWith('Invitation: workshop'));
      expect(invitations).toHaveLength(4);
      const calendar = invitations[0]!.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
      expect(calendar).toBeDefined();
      const ics = Buffer.from(calendar!.content, /^[A-Za-z0-9+/=\s]+$/u.test(calendar!.content) ? 'base64' : 'utf8').toString('utf8');
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toMatch(/UID:workshop-\d-workflow-test@pip-platform/u);
    }
  });

  it('reminds participants seven days before a workshop, and sends calendar updates and no stale reminder when one moves', async () => {
    const deliver = await loadHandler<() => Promise<unknown>>('deliver-emails');
    await workflow().advanceClock(scheduledFrom + 8 * DAY - now());
    await deliver();
    for (const person of people) {
      expect((await emailsTo(person.email)).filter((email) => email.subject.startsWith('Reminder: workshop 1 is in 7 days'))).toHaveLength(1);
    }
    // Workshop 2 moves a week later: still four to six weeks from its neighbours.
    const moved = { ...scheduleForm, sequence: '0', 'workshop-2-date': ukDate(scheduledFrom + 56 * DAY) };
    // The first click names who will be emailed and sends nothing; the confirmation page's post saves and sends.
    const asked = await sam.post(`/staff/areas/${AREA}/programme/workshops`, moved);
    expect(asked.status).toBe(200);
    const confirmation = await asked.text();
    expect(confirmation).toContain('Send the new workshop schedule to the group in Workflow Test?');
    expect(confirmation).toContain('These 4 people will be emailed:');
    for (const person of people) expect(confirmation).toContain(`<li>${person.fullName}</li>`);
    expect(confirmation).toMatch(/Workshop 2 will be \d{1,2}:\d{2}(am|pm) to \d{1,2}:\d{2}(am|pm) on \d{1,2} [A-Z][a-z]+ \d{4}/u);
    expect((await emailsTo(people[0]!.email)).filter((email) => email.subject.startsWith('Updated invitation'))).toHaveLength(0);
    expect((await sam.post(`/staff/areas/${AREA}/programme/workshops`, { ...moved, confirmed: 'yes' })).status).toBe(303);
    const updates = (await emailsTo(people[0]!.email)).filter((email) => email.subject.startsWith('Updated invitation: workshop 2'));
    expect(updates).toHaveLength(1);
    const ics = Buffer.from(updates[0]!.attachments[0]!.content, 'base64').toString('utf8');
    expect(ics).toContain('SEQUENCE:1');
    // The old reminder for workshop 2 would be due now; only the new one, a week later, remains.
    await workflow().advanceClock(scheduledFrom + 45 * DAY - now());
    await deliver();
    expect((await emailsTo(people[0]!.email)).filter((email) => email.subject.startsWith('Reminder: workshop 2'))).toHaveLength(0);
    await workflow().advanceClock(scheduledFrom + 50 * DAY - now());
    await deliver();
    expect((await emailsTo(people[0]!.email)).filter((email) => email.subject.startsWith('Reminder: workshop 2 is in 7 days'))).toHaveLength(1);
  });

  it('records who attended a workshop once it has started', async () => {
    const present = [people[0]!.applicationId, people[2]!.applicationId];
    expect((await sam.post(`/staff/areas/${AREA}/programme/attendance`, { workshop: '4', present })).status).toBe(400);
    expect((await sam.post(`/staff/areas/${AREA}/programme/attendance`, { workshop: '1', present: [...present, 'PIP-NOT-ANYONE'] })).status).toBe(303);
    const page = await (await sam.get(`/staff/areas/${AREA}/programme`)).text();
    expect(page).toContain(`value="${people[0]!.applicationId}" checked`);
    expect(page).not.toContain(`value="${people[1]!.applicationId}" checked`);
    expect(await (await sam.get(`/staff/areas/${AREA}/timeline`)).text()).toContain('Workshop 1: 2 of 4 attended (Participant 0, Participant 2).');
  });

  it('cancels the workshops still to come in the calendar of a participant who withdraws', async () => {
    expect((await sam.post(`/staff/areas/${AREA}/selection/withdrawals`, { applicationId: people[1]!.applicationId })).status).toBe(303);
    const cancellations = (await emailsTo(people[1]!.email)).filter((email) => email.subject.startsWith('Cancelled for you: workshop'));
    expect(cancellations.map((email) => email.subject.slice(0, 'Cancelled for you: workshop 2'.length)).sort()).toEqual([
      'Cancelled for you: workshop 2',
      'Cancelled for you: workshop 3',
      'Cancelled for you: workshop 4',
    ]);
    const ics = Buffer.from(cancellations[0]!.attachments[0]!.content, 'base64').toString('utf8');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
  });

  it('keeps who was in the group at a workshop as it was, after a participant withdraws', async () => {
    // Participant 1 was in the group at workshop 1 and withdrew after it: its record still lists them, unticked.
    const page = await (await sam.get(`/staff/areas/${AREA}/programme`)).text();
    const workshopOne = page.slice(page.indexOf('Record attendance at workshop 1') - 3000, page.indexOf('Record attendance at workshop 1'));
    expect(workshopOne).toContain(`value="${people[1]!.applicationId}"`);
    expect(workshopOne).toContain(`value="${people[0]!.applicationId}" checked`);
    // Saving workshop 1 again does not rewrite who was there: still 2 of the 4 who were members that day.
    const present = [people[0]!.applicationId, people[2]!.applicationId];
    expect((await sam.post(`/staff/areas/${AREA}/programme/attendance`, { workshop: '1', present })).status).toBe(303);
    const audit = await (await sam.get(`/staff/areas/${AREA}/timeline`)).text();
    expect(audit.match(/Workshop 1: 2 of 4 attended \(Participant 0, Participant 2\)\./gu)).toHaveLength(2);
  });

  it('shows a workshop that has taken place read-only, and keeps it as it was when the rest move', async () => {
    const page = await (await sam.get(`/staff/areas/${AREA}/programme`)).text();
    expect(page).toContain('Workshop 1 (has taken place)');
    expect(page).not.toContain('name="workshop-1-date-day"');
    expect(page).toContain('name="workshop-2-date-day"');
    expect(page).toContain(`<input type="hidden" name="workshop-1-date" value="${scheduleForm['workshop-1-date']}">`);
  });

  it('refuses to move or change a workshop that has taken place, keeping the schedule as it was', async () => {
    const updates = async () => (await emailsTo(people[0]!.email)).filter((email) => email.subject.startsWith('Updated invitation')).length;
    const stored = async () => {
      const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
      const schedule = await new DynamoWorkshopStore(documents, platform.tableName).schedule(AREA);
      documents.destroy();
      return schedule;
    };
    const [sentBefore, scheduleBefore] = await Promise.all([updates(), stored()]);
    const movingTheFirst = { ...scheduleForm, sequence: '1', 'workshop-2-date': ukDate(scheduledFrom + 56 * DAY), 'workshop-1-date': ukDate(scheduledFrom + 21 * DAY) };
    const response = await sam.post(`/staff/areas/${AREA}/programme/workshops`, movingTheFirst);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Workshop 1 has taken place');
    expect(await updates()).toBe(sentBefore);
    expect(await stored()).toEqual(scheduleBefore);
  });

  it('starts the action plan after the fourth workshop, and reminds staff when it is not agreed in six weeks', async () => {
    await workflow().advanceClock(130 * DAY);
    expect(await stage()).toBe('action-plan');
    expect(await teamSubjects()).toContain('Workshops over: agree the action plan: Workflow Test');
    for (const person of [people[0]!, people[2]!, people[3]!]) {
      expect((await emailsTo(person.email)).filter((email) => email.subject.startsWith('How was the programme?'))).toHaveLength(1);
    }
    await workflow().advanceClock(43 * DAY);
    await workflow().idle(AREA);
    expect((await teamSubjects()).filter((subject) => subject.startsWith('Reminder: the action plan'))).toHaveLength(1);
    expect(await stage()).toBe('action-plan');
  });

  it('moves through progress reviews and evaluation to complete as staff record each, with the timeline shown', async () => {
    for (const [step, next] of [['action-plan', 'progress-reviews'], ['progress-reviews', 'evaluation'], ['evaluation', 'complete']] as const) {
      if (step === 'progress-reviews') await bookConsultancyThroughTheLeads();
      await expect.poll(async () => (await (await sam.get(`/staff/areas/${AREA}/programme`)).text()).includes(`name="step" value="${step}"`), { timeout: 60_000 }).toBe(true);
      const objectives: Record<string, string> = step === 'action-plan' ? { objectives: '1. A joint commissioning framework\n2. A shared volunteering strategy' } : {};
      expect((await sam.post(`/staff/areas/${AREA}/programme/steps`, { step, ...objectives })).status).toBe(303);
      expect(await stage()).toBe(next);
    }
    const page = await (await sam.get(`/staff/areas/${AREA}/programme`)).text();
    for (const label of ['Recruitment open', 'Selection', 'Preparation', 'Workshops', 'Action plan', 'Progress reviews', 'Evaluation', 'Complete']) {
      expect(page).toContain(`<strong>${label}</strong>`);
    }
    expect(await teamSubjects()).toEqual(
      expect.arrayContaining([
        'Action plan agreed: progress reviews begin: Workflow Test',
        'Progress reviews done: evaluation begins: Workflow Test',
        'Selection approved: visit the area and schedule the workshops: Workflow Test',
      ]),
    );
    const regionPrompts = (await emailsTo(TEAM)).filter((email) => email.subject === 'Every area is complete: schedule the learning and mentoring event: London');
    expect(regionPrompts).toHaveLength(1);
  });

  it('invites every participant of the region to its learning and mentoring event', async () => {
    const missing = await sam.post('/staff/regions/london/learning-event', { date: '', time: '10:00', minutes: '240', venue: '' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Enter the venue');
    const saved = await sam.post('/staff/regions/london/learning-event', { date: ukDate(now() + 30 * DAY), time: '10:00', minutes: '240', venue: 'City Hall' });
    expect(saved.status).toBe(303);
    for (const person of [people[0]!, people[2]!, people[3]!]) {
      const invitations = (await emailsTo(person.email)).filter((email) => email.subject === 'Invitation: learning and mentoring event, London');
      expect(invitations).toHaveLength(1);
      expect(Buffer.from(invitations[0]!.attachments[0]!.content, 'base64').toString('utf8')).toContain('UID:learning-event-london@pip-platform');
    }
    expect((await emailsTo(people[1]!.email)).some((email) => email.subject.includes('learning and mentoring event'))).toBe(false);
  });
});

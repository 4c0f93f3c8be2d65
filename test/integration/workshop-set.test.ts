import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStaff, pinPlatformClock, type RunningPlatform } from '@pip/local';
import { DynamoWorkshopStore, createDocumentClient } from '@pip/storage';
import { startTestPlatform } from '../support/platform';
import { openArea } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';
import { countDynamoCalls, emptyTally, requestTallies, type CallTally } from '../bench/dynamo-calls';

/*
 * The four workshops planned as a set over HTTP against DynamoDB Local: proposals that skip
 * Christmas Day 2026, New Year's Day 2027 and Easter Monday 2027; a facilitator booked in another
 * area that day, flagged; and a moved workshop that offers to move the later ones. The tests run in order.
 */
const HERE = 'set-here';
const OTHER = 'set-other';
let platform: RunningPlatform;
let sam: StaffSession;

/** A field's value as the page draws it. */
const fieldValue = (page: string, name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`, 'u').exec(page)?.[1];
/** The date the page's schedule form holds for a workshop, YYYY-MM-DD. */
function workshopDate(page: string, n: number): string {
  const part = (which: string) => fieldValue(page, `workshop-${n}-date-${which}`) ?? '';
  return `${part('year')}-${part('month').padStart(2, '0')}-${part('day').padStart(2, '0')}`;
}
const datesOn = (page: string) => [1, 2, 3, 4].map((n) => workshopDate(page, n));
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const text = (page: string) => page.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ');

// The calls each request makes to the table, counted as the round-trips bench counts them.
countDynamoCalls();
/** Every call to the table the request makes, counted into `tally`. */
const countedIn = (tally: CallTally) => {
  const id = `tally-${Math.random()}`;
  requestTallies.set(id, tally);
  return { headers: { 'x-bench-tally': id } };
};

const plan = (areaId: string, date: string, weeks: string, facilitators: [string, string] = ['Alex Facilitator', 'Bea Facilitator'], tally = emptyTally()) =>
  sam.post(`/staff/areas/${areaId}/programme/workshops/plan`, {
    'plan-date': date,
    'plan-weeks': weeks,
    'plan-time': '09:30',
    'plan-council-venue': 'Civic Centre',
    'plan-voluntary-venue': 'Voluntary Action Centre',
    'plan-facilitators': facilitators[0],
    'plan-facilitator-2': facilitators[1],
  }, countedIn(tally));

/** The schedule form as the page would post it back: every workshop field, the sequence and the CSRF token aside. */
function scheduleFormIn(page: string, sequence: string): Record<string, string> {
  const form: Record<string, string> = { sequence };
  for (const n of [1, 2, 3, 4]) {
    form[`workshop-${n}-date`] = workshopDate(page, n);
    for (const field of ['time', 'minutes', 'venue', 'facilitators', 'facilitator-2']) form[`workshop-${n}-${field}`] = fieldValue(page, `workshop-${n}-${field}`) ?? '';
    form[`workshop-${n}-host`] = n % 2 ? 'council' : 'voluntary-sector';
  }
  return form;
}

async function savedSchedule(areaId: string) {
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  const schedule = await new DynamoWorkshopStore(documents, platform.tableName).schedule(areaId);
  documents.destroy();
  return schedule;
}

let unpinClock: (() => void) | undefined;
beforeAll(async () => {
  // The week before the first workshop proposed, whatever day the test runs: the dates are those around Christmas 2026.
  unpinClock = pinPlatformClock('2026-11-20T09:00:00.000Z');
  platform = await startTestPlatform();
  sam = staffSession(platform, localStaff[0]);
  await openArea(platform, HERE, 'Settown');
  await openArea(platform, OTHER, 'Otherton', 'north-east');
});
afterAll(async () => {
  unpinClock?.();
  await platform?.stop();
});

describe('planning the four workshops as a set', () => {
  it('proposes four dates that skip Christmas Day 2026, New Year’s Day 2027 and Easter Monday 2027, four to six weeks apart, saving nothing', async () => {
    for (const [first, skipped, instead] of [
      ['2026-11-27', '2026-12-25', '2026-12-29'],
      ['2026-12-04', '2027-01-01', '2027-01-04'],
      ['2027-03-01', '2027-03-29', '2027-03-30'],
    ] as const) {
      const tally = emptyTally();
      const response = await plan(HERE, first, '4', undefined, tally);
      expect(response.status).toBe(200);
      // The programme page it is shown on and the facilitators' calendars, side by side; nothing written.
      expect({ readWaves: tally.readWaves, writes: tally.writes }).toEqual({ readWaves: 1, writes: 0 });
      const page = await response.text();
      const dates = datesOn(page);
      expect(dates[0]).toBe(first);
      expect(dates[1]).toBe(instead);
      expect(dates).not.toContain(skipped);
      for (let i = 1; i < 4; i += 1) {
        expect(daysBetween(dates[i - 1]!, dates[i]!)).toBeGreaterThanOrEqual(28);
        expect(daysBetween(dates[i - 1]!, dates[i]!)).toBeLessThanOrEqual(42);
      }
      expect(text(page)).toContain(`Workshop 2 would fall on`);
      expect(fieldValue(page, 'workshop-1-venue')).toBe('Civic Centre');
      expect(fieldValue(page, 'workshop-2-venue')).toBe('Voluntary Action Centre');
      expect(page).toMatch(/name="workshop-2-host" type="radio" value="voluntary-sector" checked/u);
    }
    expect(await savedSchedule(HERE)).toBeUndefined();
  });

  it('asks again for a first date it cannot read, keeping the answers', async () => {
    const response = await plan(HERE, '2027-02-30', '5');
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('The date of the first workshop must be a real date');
    expect(fieldValue(page, 'plan-council-venue')).toBe('Civic Centre');
  });
});

describe('a facilitator booked elsewhere that day', () => {
  it('is flagged on the proposal and refused on saving, naming the other area; and a consultancy slot on a workshop day is refused', async () => {
    // Otherton: workshops from 12 January 2027 with Alex, and a consultancy slot for Cal on 16 February.
    const other = await (await plan(OTHER, '2027-01-12', '5')).text();
    expect((await sam.post(`/staff/areas/${OTHER}/programme/workshops`, scheduleFormIn(other, '-1'))).status).toBe(303);
    const slot = await sam.post(`/staff/areas/${OTHER}/consultancy/slots`, {
      facilitator: 'Cal Consultant',
      facilitatorEmail: 'cal@example.org',
      date: '2027-02-17',
      start: '14:00',
      end: '15:00',
      mode: 'online',
      where: 'https://example.org/meet',
    });
    expect(slot.status).toBe(303);

    // Settown's set from 12 January 2027 puts workshop 1 on Alex's Otherton day, and workshop 2 on Cal's slot day.
    const response = await plan(HERE, '2027-01-12', '5', ['alex  FACILITATOR', 'Dee Facilitator']);
    const page = text(await response.text());
    expect(page).toContain('Workshop 1 is on Tuesday 12 January 2027: alex FACILITATOR runs workshop 1 in Otherton that day');
    const calDay = await (await plan(HERE, '2027-01-13', '5', ['Cal Consultant', 'Dee Facilitator'])).text();
    expect(text(calDay)).toContain('Workshop 2 is on Wednesday 17 February 2027: Cal Consultant has a consultancy slot in Otherton that day');

    const refused = await sam.post(`/staff/areas/${HERE}/programme/workshops`, scheduleFormIn(calDay, '-1'));
    expect(refused.status).toBe(400);
    expect(text(await refused.text())).toContain('Cal Consultant has a consultancy slot in Otherton that day');
    expect(await savedSchedule(HERE)).toBeUndefined();

    // Alex runs Otherton's workshop 2 on 16 February 2027: a slot for Alex that day, in any area, is refused.
    const clash = await sam.post(`/staff/areas/${HERE}/consultancy/slots`, {
      facilitator: 'Alex Facilitator',
      facilitatorEmail: 'alex@example.org',
      date: '2027-02-16',
      start: '15:00',
      end: '16:00',
      mode: 'online',
      where: 'https://example.org/meet',
    });
    expect(clash.status).toBe(400);
    expect(text(await clash.text())).toContain('Alex Facilitator runs workshop 2 in Otherton that day');
  });
});

describe('moving one workshop of a saved set', () => {
  it('re-checks the set, offers to move the later ones by as many days, and moves them off bank holidays without saving', async () => {
    const proposed = await (await plan(HERE, '2027-01-14', '4', ['Eve Facilitator', 'Finn Facilitator'])).text();
    const form = scheduleFormIn(proposed, '-1');
    expect(datesOn(proposed)).toEqual(['2027-01-14', '2027-02-11', '2027-03-11', '2027-04-08']);
    expect((await sam.post(`/staff/areas/${HERE}/programme/workshops`, form)).status).toBe(303);

    // Workshop 2 two weeks later leaves two weeks before workshop 3.
    const moved = { ...form, sequence: '0', 'workshop-2-date': '2027-02-25' };
    const refused = await sam.post(`/staff/areas/${HERE}/programme/workshops`, moved);
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(text(page)).toContain('Workshops 2 and 3 are 2 weeks apart');
    expect(page).toContain('Move workshops 3 and 4 by 14 days too');
    expect(page).toContain(`formaction="/staff/areas/${HERE}/programme/workshops/shift"`);

    const tally = emptyTally();
    const shifted = await sam.post(`/staff/areas/${HERE}/programme/workshops/shift`, moved, countedIn(tally));
    expect(shifted.status).toBe(200);
    expect({ readWaves: tally.readWaves, writes: tally.writes }).toEqual({ readWaves: 1, writes: 0 });
    const again = await shifted.text();
    expect(datesOn(again)).toEqual(['2027-01-14', '2027-02-25', '2027-03-25', '2027-04-22']);
    expect(text(again)).toContain('Workshops 3 and 4 moved 14 days later, as workshop 2 did.');
    expect((await savedSchedule(HERE))?.sequence).toBe(0);

    // A week earlier leaves three weeks after workshop 1: the offer is to move the later ones earlier too.
    const earlier = { ...form, sequence: '0', 'workshop-2-date': '2027-02-04' };
    const offered = await (await sam.post(`/staff/areas/${HERE}/programme/workshops`, earlier)).text();
    expect(offered).toContain('Move workshops 3 and 4 7 days earlier too');
    const earlierPage = await (await sam.post(`/staff/areas/${HERE}/programme/workshops/shift`, earlier)).text();
    expect(datesOn(earlierPage).slice(2)).toEqual(['2027-03-04', '2027-04-01']);

    // Fifteen days later: workshop 3 would land on Good Friday 2027, so it goes to the Tuesday after
    // Easter Monday, and workshop 4 then to the first working day four weeks after that.
    const later = await (await sam.post(`/staff/areas/${HERE}/programme/workshops/shift`, { ...form, sequence: '0', 'workshop-2-date': '2027-02-26' })).text();
    expect(datesOn(later).slice(2)).toEqual(['2027-03-30', '2027-04-27']);
    expect(text(later)).toContain('Workshop 3 would fall on Good Friday, a bank holiday (Friday 26 March 2027): proposed for Tuesday 30 March 2027 instead.');

    expect((await sam.post(`/staff/areas/${HERE}/programme/workshops`, scheduleFormIn(again, '0'))).status).toBe(303);
    expect((await savedSchedule(HERE))?.workshops.map((workshop) => workshop.startsAt.slice(0, 10))).toEqual(['2027-01-14', '2027-02-25', '2027-03-25', '2027-04-22']);
  });

  it('keeps the facilitators’ calendars to the saved schedule: the old days are free again', async () => {
    // Eve ran Settown's workshop 3 on 11 March before the move; now on 25 March.
    const slot = (date: string) =>
      sam.post(`/staff/areas/${OTHER}/consultancy/slots`, { facilitator: 'Eve Facilitator', facilitatorEmail: 'eve@example.org', date, start: '14:00', end: '15:00', mode: 'online', where: 'https://example.org/meet' });
    expect((await slot('2027-03-11')).status).toBe(303);
    const refused = await slot('2027-03-25');
    expect(refused.status).toBe(400);
    expect(text(await refused.text())).toContain('Eve Facilitator runs workshop 3 in Settown that day');
  });
});

describe('a facilitator booked twice at the same moment', () => {
  it('lands exactly one of a schedule and a consultancy slot for the same facilitator on the same day, or of two schedules', async () => {
    const slotFor = (date: string) =>
      sam.post(`/staff/areas/${OTHER}/consultancy/slots`, { facilitator: 'Gus Facilitator', facilitatorEmail: 'gus@example.org', date, start: '14:00', end: '15:00', mode: 'online', where: 'https://example.org/meet' });
    for (const [round, first] of [['1', '2027-06-01'], ['2', '2027-11-02'], ['3', '2028-04-04']] as const) {
      const areaId = `set-race-${round}`;
      await openArea(platform, areaId, `Race ${round}`);
      const form = scheduleFormIn(await (await plan(areaId, first, '5', ['Gus Facilitator', 'Hal Facilitator'])).text(), '-1');
      const answers = await Promise.all([sam.post(`/staff/areas/${areaId}/programme/workshops`, form), slotFor(first)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400]);
    }
    const twoAreas = ['set-race-4', 'set-race-5'];
    for (const areaId of twoAreas) await openArea(platform, areaId, areaId);
    const forms = await Promise.all(twoAreas.map(async (areaId) => scheduleFormIn(await (await plan(areaId, '2028-09-05', '5', ['Ivy Facilitator', `Jo ${areaId}`])).text(), '-1')));
    const answers = await Promise.all(twoAreas.map((areaId, index) => sam.post(`/staff/areas/${areaId}/programme/workshops`, forms[index]!)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400]);
  });
});

import { describe, expect, it } from 'vitest';
import { DAY, actionPlanDueAt, canEnter, checkSchedule, enterStage, regionComplete, reminderTimes, type Workshop } from '@pip/domain';

function workshopsEvery(days: number[], hosts: Workshop['venue']['host'][] = ['council', 'voluntary-sector', 'council', 'voluntary-sector']): Workshop[] {
  let start = Date.parse('2027-03-01T09:30:00Z');
  return days.map((gap, index) => {
    start += gap * DAY;
    return {
      number: index + 1,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 210 * 60_000).toISOString(),
      venue: { name: `Venue ${index + 1}`, host: hosts[index]! },
      facilitators: ['Alex Facilitator', 'Bea Facilitator'],
    };
  });
}

describe('a workshop schedule', () => {
  it('accepts four workshops four to six weeks apart, alternating venues, two facilitators each', () => {
    // 1 March, 5 April, 17 May and 21 June 2027: Mondays that are not bank holidays.
    expect(checkSchedule(workshopsEvery([0, 35, 42, 35]))).toEqual({ errors: [], intervalBreaches: [], dayBreaches: [] });
  });

  it('asks for a reason to keep a workshop on a bank holiday, a weekend or a day whose bank holidays are not known', () => {
    // 1 March, 29 March (Easter Monday), 3 May (Early May bank holiday) and 5 June 2027 (a Saturday).
    const workshops = workshopsEvery([0, 28, 35, 33]);
    const check = checkSchedule(workshops);
    expect(check.dayBreaches).toEqual([
      'Workshop 2 is on Easter Monday, a bank holiday (Monday 29 March 2027).',
      'Workshop 3 is on the Early May bank holiday (Monday 3 May 2027).',
      'Workshop 4 is on a Saturday (Saturday 5 June 2027).',
    ]);
    expect(check.errors.map((error) => error.field)).toEqual(['workshop-2-date', 'workshop-3-date', 'workshop-4-date']);
    expect(check.errors[0]!.message).toContain('Change the date, or give a reason to keep it.');
    expect(checkSchedule(workshops, 'The group chose these days').errors).toEqual([]);
    const in2029 = workshops.map((workshop, index) => ({ ...workshop, startsAt: `2029-0${index + 1}-0${index + 2}T09:30:00.000Z`, endsAt: `2029-0${index + 1}-0${index + 2}T13:00:00.000Z` }));
    expect(checkSchedule(in2029).dayBreaches[0]).toBe(
      'Workshop 1 is in 2029, and bank holidays after 2028 are not known to the platform yet: check the date (Tuesday 2 January 2029).',
    );
  });

  it('rejects an interval under four or over six weeks unless a reason is given', () => {
    // From 9 March 2027: Tuesday, then a Monday, a Tuesday and a Tuesday, none a bank holiday.
    const tooClose = workshopsEvery([8, 27, 43, 35]);
    const check = checkSchedule(tooClose);
    expect(check.intervalBreaches).toEqual([
      'Workshops 1 and 2 are 3 weeks and 6 days apart; the programme asks for 4 to 6 weeks.',
      'Workshops 2 and 3 are 6 weeks and 1 day apart; the programme asks for 4 to 6 weeks.',
    ]);
    expect(check.errors.map((error) => error.field)).toEqual(['intervalOverride', 'intervalOverride']);
    expect(checkSchedule(tooClose, 'The venue is only free that week').errors).toEqual([]);
    expect(checkSchedule(tooClose, '   ').errors).toHaveLength(2);
  });

  it('rejects two workshops running at the same sector premises one after the other', () => {
    const check = checkSchedule(workshopsEvery([0, 29, 28, 28], ['council', 'council', 'voluntary-sector', 'council']));
    expect(check.errors).toEqual([{ field: 'workshop-2-host', message: 'Workshop 2 must be on voluntary sector premises: venues alternate between the sectors' }]);
  });

  it('needs two different facilitators, a venue, an end after the start, and dates in order', () => {
    const workshops = workshopsEvery([0, 29, 28, 28]);
    workshops[0]!.facilitators = ['Alex Facilitator', 'alex facilitator'];
    workshops[1]!.facilitators = ['Alex Facilitator', ' '];
    workshops[2]!.venue.name = '';
    workshops[3]!.endsAt = workshops[3]!.startsAt;
    expect(checkSchedule(workshops).errors.map((error) => error.message)).toEqual([
      'Workshop 1 needs two different facilitators',
      'Name two facilitators for workshop 2',
      'Enter the venue of workshop 3',
      'Workshop 4 must end after it starts',
    ]);
    expect(checkSchedule(workshops.slice(0, 3)).errors).toEqual([{ field: 'workshops', message: 'Schedule all 4 workshops' }]);
  });

  it('puts the action plan six weeks after the last workshop, and reminders seven days and one day before each', () => {
    const workshops = workshopsEvery([0, 28, 28, 28]);
    expect(actionPlanDueAt({ areaId: 'x', workshops, sequence: 0 })).toBe(new Date(Date.parse(workshops[3]!.endsAt) + 42 * DAY).toISOString());
    expect(reminderTimes(workshops[0]!)).toEqual([
      { daysBefore: 7, at: '2027-02-22T09:30:00.000Z' },
      { daysBefore: 1, at: '2027-02-28T09:30:00.000Z' },
    ]);
  });
});

describe('area stages', () => {
  it('only move forward, and keep their history', () => {
    expect(canEnter('selection', 'recruitment')).toBe(false);
    expect(canEnter('selection', 'selection')).toBe(true);
    const opened = enterStage(undefined, 'leeds', 'recruitment', '2027-01-01T00:00:00Z', 'Recruitment opened');
    const selecting = enterStage(opened, 'leeds', 'selection', '2027-02-01T00:00:00Z', 'Recruitment closed');
    expect(enterStage(selecting, 'leeds', 'recruitment', '2027-02-02T00:00:00Z', 'again')).toBe(selecting);
    expect(selecting.history.map((event) => event.stage)).toEqual(['recruitment', 'selection']);
  });

  it('make a region ready for its learning event only when every area is complete', () => {
    const complete = { areaId: 'a', stage: 'complete' as const, history: [] };
    expect(regionComplete([complete, { ...complete, stage: 'evaluation' }])).toBe(false);
    expect(regionComplete([complete, undefined])).toBe(false);
    expect(regionComplete([complete, complete])).toBe(true);
    expect(regionComplete([])).toBe(false);
  });
});

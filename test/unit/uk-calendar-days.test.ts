import { describe, expect, it } from 'vitest';
import { actionPlanDueAt, checkSchedule, reminderTimes, shiftUkDays, ukCalendarDaysBetween, type Workshop } from '@pip/domain';

const at = (date: string, time = '09:30'): Workshop => ({
  number: 0,
  startsAt: `${date}T${time}:00Z`,
  endsAt: `${date}T${time}:00Z`,
  venue: { name: 'Venue', host: 'council' },
  facilitators: ['Alex Facilitator', 'Bea Facilitator'],
});

/** Four workshops at 9:30am UK time on the given UK dates, venues alternating. */
function workshopsOn(dates: string[]): Workshop[] {
  return dates.map((date, index) => {
    const start = new Date(`${date}T09:30:00${date >= '2027-03-28' && date < '2027-10-31' ? '+01:00' : 'Z'}`);
    return {
      ...at(date),
      number: index + 1,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 210 * 60_000).toISOString(),
      venue: { name: `Venue ${index + 1}`, host: index % 2 === 0 ? 'council' : 'voluntary-sector' },
    };
  });
}

describe('rules counted in UK calendar days', () => {
  it('counts the days between two instants by the UK calendar, across the clock change', () => {
    // 9:30am GMT on 3 March to 9:30am BST on 31 March is 28 days less an hour of elapsed time.
    expect(ukCalendarDaysBetween('2027-03-03T09:30:00Z', '2027-03-31T08:30:00Z')).toBe(28);
    expect(ukCalendarDaysBetween('2027-10-01T23:30:00Z', '2027-10-02T00:30:00Z')).toBe(0);
  });

  it('accepts workshops four weeks apart across the start of British Summer Time', () => {
    expect(checkSchedule(workshopsOn(['2027-03-03', '2027-03-31', '2027-04-28', '2027-05-26']))).toEqual({ errors: [], intervalBreaches: [], dayBreaches: [] });
    expect(checkSchedule(workshopsOn(['2027-09-08', '2027-10-20', '2027-11-17', '2027-12-15'])).intervalBreaches).toEqual([]);
  });

  it('says an interval outside the rule in weeks and days, in plural only when more than one', () => {
    const check = checkSchedule(workshopsOn(['2027-01-06', '2027-01-13', '2027-02-24', '2027-04-08']));
    expect(check.intervalBreaches).toEqual([
      'Workshops 1 and 2 are 1 week apart; the programme asks for 4 to 6 weeks.',
      'Workshops 3 and 4 are 6 weeks and 1 day apart; the programme asks for 4 to 6 weeks.',
    ]);
  });

  it('keeps a reminder at the UK time of day of its event, a calendar week or day before', () => {
    const [first] = workshopsOn(['2027-03-31']);
    expect(reminderTimes(first!)).toEqual([
      { daysBefore: 7, at: '2027-03-24T09:30:00.000Z' },
      { daysBefore: 1, at: '2027-03-30T08:30:00.000Z' },
    ]);
    expect(shiftUkDays('2027-10-31T09:30:00Z', -1)).toBe('2027-10-30T08:30:00.000Z');
  });

  it('puts the action plan six calendar weeks after the last workshop ends, at the same UK time', () => {
    const workshops = workshopsOn(['2026-12-02', '2027-01-06', '2027-02-03', '2027-03-03']);
    expect(actionPlanDueAt({ areaId: 'x', workshops, sequence: 0 })).toBe('2027-04-14T12:00:00.000Z');
  });
});

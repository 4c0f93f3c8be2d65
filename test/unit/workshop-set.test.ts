import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bankHolidayList,
  bankHolidayOn,
  facilitatorClashes,
  isWeekend,
  proposeWorkshopSet,
  shiftLaterWorkshops,
  slotProblems,
  ukCalendarDaysBetween,
  ukDateOf,
  weekdayOf,
  workshopMoveIn,
  type ConsultancySlot,
  type FacilitatorWorkshop,
  type Workshop,
  type WorkshopSchedule,
} from '@pip/domain';

const day = (instant: string) => ukDateOf(new Date(instant));
const days = (set: { startsAt: string }[]) => set.map((workshop) => day(workshop.startsAt));

describe('the bank holidays of England and Wales', () => {
  it('are kept sorted, each a weekday, with their source and the years they cover', () => {
    const dates = bankHolidayList.dates.map((holiday) => holiday.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    for (const date of dates) expect(isWeekend(date), date).toBe(false);
    expect(dates.every((date) => Number(date.slice(0, 4)) >= bankHolidayList.firstYear && Number(date.slice(0, 4)) <= bankHolidayList.lastYear)).toBe(true);
    expect(bankHolidayList.source).toBe('https://www.gov.uk/bank-holidays.json');
    expect(bankHolidayList.division).toBe('england-and-wales');
  });

  it('hold the known dates, substitute days included', () => {
    expect(bankHolidayOn('2026-12-25')?.name).toBe('Christmas Day');
    expect(bankHolidayOn('2026-12-28')?.name).toBe('Boxing Day (substitute day)');
    expect(bankHolidayOn('2027-01-01')?.name).toBe('New Year’s Day');
    expect(bankHolidayOn('2027-03-26')?.name).toBe('Good Friday');
    expect(bankHolidayOn('2027-03-29')?.name).toBe('Easter Monday');
    expect(bankHolidayOn('2027-12-27')?.name).toBe('Christmas Day (substitute day)');
    expect(bankHolidayOn('2028-01-03')?.name).toBe('New Year’s Day (substitute day)');
    expect(bankHolidayOn('2028-04-17')?.name).toBe('Easter Monday');
    expect(bankHolidayOn('2026-12-26')).toBeUndefined(); // a Saturday: its substitute is the Monday
    expect(bankHolidayList.dates.filter((holiday) => holiday.date.startsWith('2027'))).toHaveLength(8);
  });
});

describe('proposing the four workshops as a set', () => {
  it('skips Christmas Day 2026, New Year’s Day 2027 and Easter Monday 2027, saying why', () => {
    const christmas = proposeWorkshopSet('2026-11-27', 4);
    expect(days(christmas)).toEqual(['2026-11-27', '2026-12-29', '2027-01-26', '2027-02-23']);
    expect(christmas[1]!.note).toBe('Workshop 2 would fall on Christmas Day, a bank holiday (Friday 25 December 2026): proposed for Tuesday 29 December 2026 instead.');
    expect(days(proposeWorkshopSet('2026-12-04', 4))[1]).toBe('2027-01-04');
    expect(days(proposeWorkshopSet('2027-03-01', 4))[1]).toBe('2027-03-30');
  });

  it('moves a first date off a weekend or bank holiday, later, with a note, and alternates the venues', () => {
    const set = proposeWorkshopSet('2026-04-03', 5, '10:00');
    expect(days(set)[0]).toBe('2026-04-07');
    expect(set[0]!.note).toContain('Workshop 1 would fall on Good Friday');
    expect(set.map((workshop) => workshop.host)).toEqual(['council', 'voluntary-sector', 'council', 'voluntary-sector']);
    expect(set[0]!.startsAt).toBe('2026-04-07T09:00:00.000Z'); // 10am UK time in summer
  });

  it('moves earlier when later would break six weeks', () => {
    // Six weeks after 13 November 2026 is Christmas Day: later would be more than six weeks.
    const set = proposeWorkshopSet('2026-11-13', 6);
    expect(days(set)[1]).toBe('2026-12-24');
  });

  it('always proposes weekdays off bank holidays, four to six weeks apart, alternating hosts (any first date 2026–2028, 4–6 weeks)', () => {
    const firstDates = fc.integer({ min: 0, max: 3 * 366 - 1 }).map((offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(firstDates, fc.constantFrom(4, 5, 6), fc.constantFrom('09:30', '13:00', '00:30', '23:30'), (first, weeks, time) => {
        const set = proposeWorkshopSet(first, weeks, time);
        expect(set).toHaveLength(4);
        for (const workshop of set) {
          expect(isWeekend(day(workshop.startsAt)), `${first} ${weeks}: ${day(workshop.startsAt)} is a ${weekdayOf(day(workshop.startsAt))}`).toBe(false);
          expect(bankHolidayOn(day(workshop.startsAt))).toBeUndefined();
        }
        expect(day(set[0]!.startsAt) >= first).toBe(true);
        for (let index = 1; index < set.length; index += 1) {
          const gap = ukCalendarDaysBetween(set[index - 1]!.startsAt, set[index]!.startsAt);
          expect(gap).toBeGreaterThanOrEqual(28);
          expect(gap).toBeLessThanOrEqual(42);
          expect(set[index]!.host).not.toBe(set[index - 1]!.host);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

const workshop = (number: number, date: string, facilitators: [string, string] = ['Alex Facilitator', 'Bea Facilitator']): Workshop => ({
  number,
  startsAt: `${date}T09:30:00.000Z`,
  endsAt: `${date}T13:00:00.000Z`,
  venue: { name: `Venue ${number}`, host: number % 2 ? 'council' : 'voluntary-sector' },
  facilitators,
});
const saved: WorkshopSchedule = {
  areaId: 'here',
  sequence: 0,
  workshops: [workshop(1, '2027-01-12'), workshop(2, '2027-02-16'), workshop(3, '2027-03-23'), workshop(4, '2027-04-27')],
};
const formOf = (schedule: WorkshopSchedule, dates: Record<number, string> = {}) =>
  Object.fromEntries(schedule.workshops.flatMap((w) => [[`workshop-${w.number}-date`, dates[w.number] ?? day(w.startsAt)], [`workshop-${w.number}-time`, '09:30']]));

describe('moving one workshop of the set', () => {
  it('finds the workshop moved and the later ones left behind, and moves them by as many days, off bank holidays', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    const form = formOf(saved, { 2: '2027-03-02' });
    const move = workshopMoveIn(saved, form, now);
    expect(move).toEqual({ moved: 2, days: 14, later: [3, 4] });
    const { values, notes } = shiftLaterWorkshops(saved, form, move!);
    // 23 March + 14 is 6 April; 27 April + 14 is 11 May: no bank holiday in the way.
    expect([values['workshop-3-date'], values['workshop-4-date']]).toEqual(['2027-04-06', '2027-05-11']);
    expect(notes).toEqual([]);
  });

  it('moves a later workshop that would land on a bank holiday to the next working day', () => {
    const schedule = { ...saved, workshops: [workshop(1, '2027-01-11'), workshop(2, '2027-02-15'), workshop(3, '2027-03-22'), workshop(4, '2027-04-26')] };
    const form = formOf(schedule, { 2: '2027-02-22' });
    const { values, notes } = shiftLaterWorkshops(schedule, form, workshopMoveIn(schedule, form, new Date('2027-01-01T00:00:00Z'))!);
    expect(values['workshop-3-date']).toBe('2027-03-30'); // 29 March is Easter Monday
    expect(notes[0]).toContain('Easter Monday');
  });

  it('never moves a workshop that has taken place', () => {
    const after = new Date('2027-01-20T00:00:00Z');
    expect(workshopMoveIn(saved, formOf(saved, { 1: '2027-01-19' }), after)).toBeUndefined();
    expect(workshopMoveIn(saved, formOf(saved, { 2: '2027-02-23' }), after)).toEqual({ moved: 2, days: 7, later: [3, 4] });
  });
});

describe('a facilitator booked elsewhere', () => {
  const slot: ConsultancySlot = {
    slotId: 's1',
    areaId: 'elsewhere',
    facilitator: 'Alex Facilitator',
    facilitatorEmail: 'alex@example.org',
    startsAt: '2027-02-16T14:00:00.000Z',
    endsAt: '2027-02-16T15:00:00.000Z',
    mode: 'online',
    where: 'https://example.org/meet',
  };
  const theirs: FacilitatorWorkshop = { areaId: 'elsewhere', workshop: 3, facilitator: 'Bea Facilitator', startsAt: '2027-03-23T13:00:00.000Z', endsAt: '2027-03-23T16:00:00.000Z' };

  it('is flagged at the workshop’s facilitators, naming the other area, whatever the spelling of the name', () => {
    const calendars: Record<string, { slots: ConsultancySlot[]; workshops: FacilitatorWorkshop[] }> = {
      'alex facilitator': { slots: [slot], workshops: [] },
      'bea facilitator': { slots: [], workshops: [theirs, { ...theirs, areaId: 'here', workshop: 2, startsAt: '2027-02-16T09:30:00.000Z' }] },
    };
    const workshops = saved.workshops.map((w) => (w.number === 3 ? { ...w, facilitators: ['Alex Facilitator', '  BEA   facilitator'] as [string, string] } : w));
    const errors = facilitatorClashes('here', workshops, (key) => calendars[key] ?? { slots: [], workshops: [] }, { elsewhere: 'Elsewhere' }, new Date('2027-01-01T00:00:00Z'));
    expect(errors).toEqual([
      { field: 'workshop-2-facilitators', message: 'Workshop 2 is on Tuesday 16 February 2027: Alex Facilitator has a consultancy slot in Elsewhere that day. Choose another facilitator or date' },
      { field: 'workshop-3-facilitators', message: 'Workshop 3 is on Tuesday 23 March 2027: BEA   facilitator runs workshop 3 in Elsewhere that day. Choose another facilitator or date' },
    ]);
    // A workshop that has taken place is history: not checked.
    expect(facilitatorClashes('here', workshops, (key) => calendars[key] ?? { slots: [], workshops: [] }, {}, new Date('2027-03-01T00:00:00Z'))).toHaveLength(1);
  });

  it('refuses a consultancy slot on a day its facilitator runs a workshop', () => {
    const problems = slotProblems({ ...slot, facilitator: 'Bea Facilitator', startsAt: '2027-03-23T16:30:00.000Z', endsAt: '2027-03-23T17:30:00.000Z' }, [], new Date('2027-01-01T00:00:00Z'), [theirs], { elsewhere: 'Elsewhere' });
    expect(problems).toEqual([{ field: 'date', message: 'Bea Facilitator runs workshop 3 in this area that day. Choose another date or facilitator' }]);
  });
});

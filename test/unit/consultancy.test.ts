import { describe, expect, it } from 'vitest';
import { beforeCutoff, bookableSlots, slotProblems, type ConsultancySession, type ConsultancySlot } from '@pip/domain';

const HOUR = 60 * 60 * 1000;
const now = new Date('2027-03-01T12:00:00Z');

function slot(id: string, startsAt: string, hours = 2, extra: Partial<ConsultancySlot> = {}): ConsultancySlot {
  return {
    slotId: id,
    areaId: 'leeds',
    facilitator: 'Fay Facilitator',
    facilitatorEmail: 'fay@example.org',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + hours * HOUR).toISOString(),
    mode: 'in-person',
    where: 'Civic Centre',
    ...extra,
  };
}

describe('consultancy slots', () => {
  it('refuse a facilitator two overlapping slots, in any area, but allow back-to-back ones', () => {
    const held = [slot('a', '2027-03-10T09:00:00Z', 2, { areaId: 'kent' })];
    const { slotId: _a, ...overlapping } = slot('b', '2027-03-10T10:00:00Z');
    expect(slotProblems(overlapping, held, now)).toEqual([{ field: 'start', message: 'Fay Facilitator already has a slot then, in another area (kent)' }]);
    const { slotId: _b, ...afterwards } = slot('c', '2027-03-10T11:00:00Z');
    expect(slotProblems(afterwards, held, now)).toEqual([]);
  });

  it('need an https joining link online, an end after the start, and a time in the future', () => {
    const { slotId: _id, ...online } = slot('d', '2027-03-10T09:00:00Z', 2, { mode: 'online', where: 'meet.example/x' });
    expect(slotProblems(online, [], now).map((problem) => problem.message)).toEqual(['Enter the joining link, starting https://']);
    const { slotId: _past, ...past } = slot('e', '2027-02-10T09:00:00Z');
    expect(slotProblems(past, [], now).map((problem) => problem.field)).toEqual(['date']);
    const { slotId: _backwards, ...backwards } = slot('f', '2027-03-10T09:00:00Z', -1);
    expect(slotProblems(backwards, [], now).map((problem) => problem.field)).toEqual(['end']);
  });
});

describe('bookable slots', () => {
  const slots = [
    slot('soon', '2027-03-02T09:00:00Z'),
    slot('march', '2027-03-10T09:00:00Z'),
    slot('taken', '2027-03-11T09:00:00Z', 2, { bookedFor: 1 }),
    slot('april', '2027-04-07T09:00:00Z'),
    slot('may', '2027-05-05T09:00:00Z'),
  ];
  const held: ConsultancySession = { areaId: 'leeds', session: 1, slotId: 'march', bookedBy: 'Lena', bookedAt: now.toISOString(), sequence: 0, heldAt: '2027-03-10T11:00:00Z' };

  it('are free and at least a day away', () => {
    expect(bookableSlots(1, slots, {}, now).map((s) => s.slotId)).toEqual(['march', 'april', 'may']);
  });

  it('for session two, only once session one took place and four weeks after it ended', () => {
    expect(bookableSlots(2, slots, {}, now)).toEqual([]);
    expect(bookableSlots(2, slots, { 1: { ...held, heldAt: undefined } }, now)).toEqual([]);
    expect(bookableSlots(2, slots, { 1: held }, now).map((s) => s.slotId)).toEqual(['may']);
  });

  it('can be changed until 24 hours before the start', () => {
    expect(beforeCutoff(slots[1]!, new Date('2027-03-09T09:00:00Z'))).toBe(true);
    expect(beforeCutoff(slots[1]!, new Date('2027-03-09T09:00:01Z'))).toBe(false);
  });
});

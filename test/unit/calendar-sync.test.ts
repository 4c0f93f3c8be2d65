import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, calendarAfter, reconcileCalendar, type CalendarChange, type CalendarEntry, type SentCalendar } from '@pip/domain';

const NOW = Date.parse('2027-01-01T09:00:00.000Z');
const at = (days: number) => new Date(NOW + days * DAY).toISOString();
const entry = (days: number, location = 'Civic Centre'): CalendarEntry => ({ startsAt: at(days), endsAt: at(days + 0.15), location });
const all = () => true;
const none = () => false;

describe('a person’s calendar, reconciled', () => {
  it('invites, updates and cancels only what differs, each numbered above the last that person received', () => {
    const first = reconcileCalendar({ 'workshop-1': entry(10), 'workshop-2': entry(40) }, all, {}, new Date(NOW));
    expect(first.changes.map(({ key, kind, sequence }) => [key, kind, sequence])).toEqual([
      ['workshop-1', 'invite', 0],
      ['workshop-2', 'invite', 0],
    ]);
    const moved = reconcileCalendar({ 'workshop-1': entry(10), 'workshop-2': entry(41) }, all, first.next, new Date(NOW));
    expect(moved.changes.map(({ key, kind, sequence }) => [key, kind, sequence])).toEqual([['workshop-2', 'update', 1]]);
    const left = reconcileCalendar({ 'workshop-1': entry(10), 'workshop-2': entry(41) }, none, moved.next, new Date(NOW));
    expect(left.changes.map(({ key, kind, sequence }) => [key, kind, sequence])).toEqual([
      ['workshop-1', 'cancel', 1],
      ['workshop-2', 'cancel', 2],
    ]);
    // Back in the group: invited again above the cancellation, never at its sequence.
    const back = reconcileCalendar({ 'workshop-1': entry(10), 'workshop-2': entry(41) }, all, left.next, new Date(NOW));
    expect(back.changes.map(({ key, kind, sequence }) => [key, kind, sequence])).toEqual([
      ['workshop-1', 'invite', 2],
      ['workshop-2', 'invite', 3],
    ]);
    expect(reconcileCalendar({ 'workshop-1': entry(10), 'workshop-2': entry(41) }, all, back.next, new Date(NOW)).changes).toEqual([]);
  });

  it('reconciles only the events the caller speaks for: the workshops leave a consultancy session in the same calendar alone', () => {
    const sent = reconcileCalendar({ 'workshop-1': entry(10), 'consultancy-1': entry(20) }, all, {}, new Date(NOW)).next;
    const workshopsOnly = reconcileCalendar({ 'workshop-1': entry(11) }, all, sent, new Date(NOW), (key) => key.startsWith('workshop-'));
    expect(workshopsOnly.changes.map(({ key, kind }) => [key, kind])).toEqual([['workshop-1', 'update']]);
    expect(workshopsOnly.next['consultancy-1']).toEqual(sent['consultancy-1']);
  });

  it('leaves an event that has started as it was: no late invitation, move or cancellation', () => {
    const sent = reconcileCalendar({ 'workshop-1': entry(1) }, all, {}, new Date(NOW)).next;
    const later = new Date(NOW + 2 * DAY);
    expect(reconcileCalendar({ 'workshop-1': entry(1) }, none, sent, later).changes).toEqual([]);
    expect(reconcileCalendar({ 'workshop-1': entry(1, 'Elsewhere') }, all, sent, later).changes).toEqual([]);
    expect(reconcileCalendar({ 'workshop-2': entry(1) }, all, {}, later).changes).toEqual([]);
  });
});

/** A person's life in the group: the schedule moves, they leave and come back, in any order, reconciled at any moment. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), workshop: fc.integer({ min: 1, max: 4 }), days: fc.integer({ min: -5, max: 200 }) }),
  fc.record({ kind: fc.constant('venue' as const), workshop: fc.integer({ min: 1, max: 4 }), venue: fc.constantFrom('Civic Centre', 'Town Hall', 'CVS Offices') }),
  fc.record({ kind: fc.constant('leave' as const) }),
  fc.record({ kind: fc.constant('join' as const) }),
  fc.record({ kind: fc.constant('time-passes' as const), days: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('reconcile' as const) }),
);

describe('whatever happens, in whatever order', () => {
  it('the calendar built from every email the person received equals the one computed from scratch, for every event still to come', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let now = NOW;
        const schedule: Record<string, CalendarEntry> = { 'workshop-1': entry(10), 'workshop-2': entry(40), 'workshop-3': entry(70), 'workshop-4': entry(100) };
        let member = true;
        let sent: SentCalendar = {};
        const received: CalendarChange[] = [];
        const wanted = () => member;
        const reconcile = () => {
          const { changes, next } = reconcileCalendar({ ...schedule }, wanted, sent, new Date(now));
          // One email per event per change, each above the last sent for that event.
          expect(new Set(changes.map((change) => change.key)).size).toBe(changes.length);
          for (const change of changes) expect(change.sequence).toBeGreaterThan(sent[change.key]?.sequence ?? -1);
          received.push(...changes);
          sent = next;
        };
        for (const action of steps) {
          const key = 'workshop' in action ? `workshop-${action.workshop}` : '';
          // Staff cannot change a workshop that has started: the schedule page refuses it.
          const changeable = key !== '' && Date.parse(schedule[key]!.startsAt) > now;
          if (action.kind === 'move' && changeable && NOW + action.days * DAY > now) schedule[key] = { ...schedule[key]!, ...entry(action.days, schedule[key]!.location) };
          if (action.kind === 'venue' && changeable) schedule[key] = { ...schedule[key]!, location: action.venue };
          if (action.kind === 'leave') member = false;
          if (action.kind === 'join') member = true;
          if (action.kind === 'time-passes') now += action.days * DAY;
          if (action.kind === 'reconcile') reconcile();
        }
        reconcile();
        const calendar = calendarAfter(received);
        for (const [key, scheduled] of Object.entries(schedule)) {
          if (Date.parse(scheduled.startsAt) <= now) continue;
          expect(calendar[key]?.entry).toEqual(member ? scheduled : undefined);
        }
        // Reconciling again sends nothing more.
        expect(reconcileCalendar({ ...schedule }, wanted, sent, new Date(now)).changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

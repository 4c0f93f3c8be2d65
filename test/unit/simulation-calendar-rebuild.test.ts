import { describe, expect, it } from 'vitest';
import { calendarAttachment, type CalendarEvent } from '@pip/mail';
import { parseCalendarFile, rebuildCalendar, shownEvents } from '../simulation/calendar-rebuild';

/* The simulation's own reading of .ics files, over files the platform's calendar code writes. */
const event = (sequence: number, startsAt: string, overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'workshop-1-leeds@pip-platform',
  sequence,
  title: 'Workshop 1, Partnership Improvement Programme, Leeds',
  description: 'The first of four workshops; a long description, so that the file folds its lines past seventy-five octets, as RFC 5545 asks.',
  location: 'Civic Centre, Room 2; Leeds',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 3.5 * 3_600_000).toISOString(),
  attendee: { name: 'Lena Lead', email: 'lena@example.org' },
  organiserMailbox: 'PIP <programme-team@pip.localhost>',
  ...overrides,
});
const request = (sequence: number, startsAt: string, overrides: Partial<CalendarEvent> = {}) => calendarAttachment(event(sequence, startsAt, overrides)).ics;
const cancel = (sequence: number, startsAt: string) => calendarAttachment(event(sequence, startsAt), 'CANCEL').ics;

describe('a calendar rebuilt from the .ics files a person was sent', () => {
  it('reads an invitation: its UID, sequence, method, UTC times and unescaped place', () => {
    const [read] = parseCalendarFile(request(0, '2027-03-28T08:30:00.000Z'));
    expect(read).toEqual({ uid: 'workshop-1-leeds@pip-platform', sequence: 0, method: 'REQUEST', status: 'CONFIRMED', startsAt: '2027-03-28T08:30:00.000Z', endsAt: '2027-03-28T12:00:00.000Z', location: 'Civic Centre, Room 2; Leeds' });
  });

  it('creates an event from an invitation', () => {
    const shown = shownEvents(rebuildCalendar([request(0, '2027-03-28T08:30:00.000Z')]));
    expect(shown.map((held) => [held.uid, held.startsAt])).toEqual([['workshop-1-leeds@pip-platform', '2027-03-28T08:30:00.000Z']]);
  });

  it('moves the one event on an update with a higher SEQUENCE, and keeps other UIDs apart', () => {
    const other = request(0, '2027-05-02T08:30:00.000Z', { uid: 'workshop-2-leeds@pip-platform' });
    const shown = shownEvents(rebuildCalendar([request(0, '2027-03-28T08:30:00.000Z'), other, request(1, '2027-04-04T08:30:00.000Z')]));
    expect(shown.map((held) => [held.uid, held.startsAt, held.sequence])).toEqual([
      ['workshop-1-leeds@pip-platform', '2027-04-04T08:30:00.000Z', 1],
      ['workshop-2-leeds@pip-platform', '2027-05-02T08:30:00.000Z', 0],
    ]);
  });

  it('removes the event on METHOD:CANCEL, and brings it back only with a later invitation numbered above it', () => {
    const cancelled = rebuildCalendar([request(0, '2027-03-28T08:30:00.000Z'), cancel(1, '2027-03-28T08:30:00.000Z')]);
    expect(shownEvents(cancelled)).toEqual([]);
    expect(cancelled.get('workshop-1-leeds@pip-platform')?.cancelled).toBe(true);
    const booked = rebuildCalendar([request(0, '2027-03-28T08:30:00.000Z'), cancel(1, '2027-03-28T08:30:00.000Z'), request(2, '2027-04-04T08:30:00.000Z')]);
    expect(shownEvents(booked).map((held) => held.startsAt)).toEqual(['2027-04-04T08:30:00.000Z']);
  });

  it('ignores a file older than the one it holds, whichever order they arrive in', () => {
    const late = rebuildCalendar([request(0, '2027-03-28T08:30:00.000Z'), request(2, '2027-04-11T08:30:00.000Z'), request(1, '2027-04-04T08:30:00.000Z')]);
    expect(shownEvents(late).map((held) => held.startsAt)).toEqual(['2027-04-11T08:30:00.000Z']);
    const staleCancel = rebuildCalendar([request(3, '2027-04-11T08:30:00.000Z'), cancel(2, '2027-04-04T08:30:00.000Z')]);
    expect(shownEvents(staleCancel).map((held) => held.sequence)).toEqual([3]);
  });
});

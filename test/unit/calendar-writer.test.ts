import { describe, expect, it } from 'vitest';
import { calendarAttachment, type CalendarEvent } from '@pip/mail';

const event: CalendarEvent = {
  uid: 'consultancy-2-leeds@pip-platform',
  sequence: 3,
  title: 'Partnership Improvement Programme: consultancy session 2, Leeds; with a comma, and a title long enough to fold',
  description: 'Line one\nLine two; a \\ backslash, a comma, and “curly quotes” é in a description long enough to fold twice over, at least',
  location: 'Civic Hall, Room 2; Leeds',
  startsAt: '2027-03-04T09:30:00.000Z',
  endsAt: '2027-03-04T12:00:00.000Z',
  attendee: { name: 'Robinson, Mark; Lead: Cumbria', email: 'mark@example.org' },
  organiserMailbox: 'Programme team <team@example.org>',
};

/** The content lines, unfolded as RFC 5545 section 3.1 says, without the stamp of when the file was written. */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/gu, '').split('\r\n').filter((line) => !line.startsWith('DTSTAMP:'));

/** What the `ics` library, which wrote these files before, wrote for this event: its lines unfolded, less DTSTAMP. */
const libraryLines = (method: 'REQUEST' | 'CANCEL') => [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'PRODID:pip-platform/workshops',
  `METHOD:${method}`,
  'X-PUBLISHED-TTL:PT1H',
  'BEGIN:VEVENT',
  'UID:consultancy-2-leeds@pip-platform',
  'SUMMARY:Partnership Improvement Programme: consultancy session 2\\, Leeds\\; with a comma\\, and a title long enough to fold',
  'DTSTART:20270304T093000Z',
  'DTEND:20270304T120000Z',
  'SEQUENCE:3',
  'DESCRIPTION:Line one\\nLine two\\; a \\\\ backslash\\, a comma\\, and “curly quotes” é in a description long enough to fold twice over\\, at least',
  'LOCATION:Civic Hall\\, Room 2\\; Leeds',
  `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
  'ORGANIZER;CN="The Partnership Improvement Programme team":MAILTO:team@example.org',
  'ATTENDEE;RSVP=TRUE;ROLE="REQ-PARTICIPANT";PARTSTAT="NEEDS-ACTION";CN="Robinson, Mark; Lead: Cumbria":mailto:mark@example.org',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
];

describe('the calendar file the platform writes itself', () => {
  it.each(['REQUEST', 'CANCEL'] as const)('holds, line for line, what the calendar library wrote (%s)', (method) => {
    expect(unfolded(calendarAttachment(event, method).ics)).toEqual(libraryLines(method));
  });

  it('folds every line at 75 octets, never inside a character, each continuation starting with a tab', () => {
    const { ics } = calendarAttachment(event);
    const lines = ics.split('\r\n');
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith('\t'))).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('stamps the file in UTC, to the second', () => {
    expect(calendarAttachment(event).ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/u);
  });

  it('refuses an event whose start is not a date', () => {
    expect(() => calendarAttachment({ ...event, startsAt: 'soon' })).toThrow(/not a date/u);
  });
});

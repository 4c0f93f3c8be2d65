import type { OutboundEmail } from '@pip/domain';
import { PROGRAMME_TEAM } from './compose';

export interface CalendarEvent {
  /** Stable across updates, so calendars replace the event rather than add another. */
  uid: string;
  sequence: number;
  title: string;
  description: string;
  location: string;
  startsAt: string;
  endsAt: string;
  attendee: { name: string; email: string };
  /** The sending address, bare or as `Name <address>`; the programme team organises every event. */
  organiserMailbox: string;
}

/**
 * A name as an iCalendar parameter value holds it: RFC 5545 quotes such values and allows no double
 * quote or line break inside, and has no escape for them, so those become a single quote and a space.
 */
const parameterText = (name: string) => name.replace(/"/gu, "'").replace(/[\r\n]+/gu, ' ');

/** A TEXT value (RFC 5545 section 3.3.11): backslash, line break, semicolon and comma escaped. */
const text = (value: string) => value.replace(/\\/gu, '\\\\').replace(/\r?\n/gu, '\\n').replace(/;/gu, '\\;').replace(/,/gu, '\\,');

/** A UTC date-time (RFC 5545 section 3.3.5, form 2), to the second. */
const utc = (iso: string) => new Date(Date.parse(iso)).toISOString().replace(/\.\d{3}/u, '').replace(/[-:]/gu, '');

const encoder = new TextEncoder();

/**
 * A content line folded as RFC 5545 section 3.1 says: at most 75 octets a line, each continuation
 * starting with a tab, never inside a character's UTF-8 octets.
 */
function folded(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    // The first line holds 75 octets; a continuation 74 after its tab.
    if (octets + size > (lines.length === 0 ? 75 : 74)) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  return [...lines, current].join('\r\n\t');
}

/**
 * An iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for one attendee. Written
 * here rather than with a calendar library: one event with one attendee is a dozen lines of the
 * format, and the library (with the validation library it brings) was 65 KB that every cold start of
 * a function composing these emails read.
 */
export function calendarAttachment(event: CalendarEvent, method: 'REQUEST' | 'CANCEL' = 'REQUEST'): NonNullable<OutboundEmail['calendar']> {
  for (const [name, value] of [['start', event.startsAt], ['end', event.endsAt]] as const) {
    if (Number.isNaN(Date.parse(value))) throw new Error(`The calendar event's ${name} is not a date: ${value}`);
  }
  const organiser = event.organiserMailbox.replace(/^.*<([^>]+)>.*$/u, '$1');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'PRODID:pip-platform/workshops',
    `METHOD:${method}`,
    'X-PUBLISHED-TTL:PT1H',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    ...(event.title ? [`SUMMARY:${text(event.title)}`] : []),
    `DTSTAMP:${utc(new Date().toISOString())}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SEQUENCE:${event.sequence}`,
    ...(event.description ? [`DESCRIPTION:${text(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${text(event.location)}`] : []),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN="${parameterText(PROGRAMME_TEAM)}":MAILTO:${organiser}`,
    `ATTENDEE;RSVP=TRUE;ROLE="REQ-PARTICIPANT";PARTSTAT="NEEDS-ACTION";CN="${parameterText(event.attendee.name) || 'Unnamed attendee'}":mailto:${event.attendee.email}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return { filename: method === 'CANCEL' ? 'cancellation.ics' : 'invitation.ics', method, ics: lines.map((line) => `${folded(line)}\r\n`).join('') };
}

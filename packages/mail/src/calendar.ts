import { createEvent } from 'ics';
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

/** An iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for one attendee. */
export function calendarAttachment(event: CalendarEvent, method: 'REQUEST' | 'CANCEL' = 'REQUEST'): NonNullable<OutboundEmail['calendar']> {
  const { error, value } = createEvent({
    uid: event.uid,
    sequence: event.sequence,
    method,
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    title: event.title,
    description: event.description,
    location: event.location,
    start: Date.parse(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    organizer: { name: PROGRAMME_TEAM, email: event.organiserMailbox.replace(/^.*<([^>]+)>.*$/u, '$1') },
    attendees: [{ name: parameterText(event.attendee.name), email: event.attendee.email, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }],
    productId: 'pip-platform/workshops',
  });
  if (error || !value) throw error ?? new Error('The calendar event could not be written');
  return { filename: method === 'CANCEL' ? 'cancellation.ics' : 'invitation.ics', method, ics: value };
}

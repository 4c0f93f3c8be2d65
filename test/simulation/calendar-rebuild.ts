/**
 * A person's calendar rebuilt from every .ics file they were sent, in the order received, as a
 * calendar program applies them (RFC 5546): an event is known by its UID; a file numbered below the
 * one the calendar holds is stale and ignored; METHOD:CANCEL (or STATUS:CANCELLED) removes the event,
 * a later REQUEST numbered above the cancellation brings it back. Parsed here, not by a library: the
 * simulation must read the files as any client would, not as the platform's own library writes them.
 */
export interface CalendarFileEvent {
  uid: string;
  sequence: number;
  method: string;
  status: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  location: string;
}

export interface HeldEvent {
  uid: string;
  sequence: number;
  cancelled: boolean;
  startsAt: string;
  endsAt: string;
  location: string;
}

/** Lines of an iCalendar file with folded continuations (a line starting with a space or tab) joined. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n|\r/gu, '\n').replace(/\n[ \t]/gu, '').split('\n').filter((line) => line.length > 0);
}

const unescapeText = (value: string) => value.replace(/\\n/giu, '\n').replace(/\\([,;\\])/gu, '$1');

/** 20271031T100000Z (UTC), or 20271031T100000 / 20271031 (read as UTC: the platform writes only UTC). */
export function icsInstant(value: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/u.exec(value.trim());
  if (!match) throw new Error(`Not an iCalendar date-time: ${value}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))).toISOString();
}

/** The events of one file, each with the file's METHOD. */
export function parseCalendarFile(ics: string): CalendarFileEvent[] {
  let method = 'PUBLISH';
  const events: CalendarFileEvent[] = [];
  let current: Record<string, string> | undefined;
  for (const line of unfold(ics)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
    const value = line.slice(colon + 1);
    if (name === 'BEGIN' && value.toUpperCase() === 'VEVENT') current = {};
    else if (name === 'END' && value.toUpperCase() === 'VEVENT' && current) {
      events.push({
        uid: current.UID ?? '',
        sequence: Number(current.SEQUENCE ?? 0),
        method,
        status: (current.STATUS ?? 'CONFIRMED').toUpperCase(),
        startsAt: icsInstant(current.DTSTART ?? ''),
        endsAt: icsInstant(current.DTEND ?? current.DTSTART ?? ''),
        location: unescapeText(current.LOCATION ?? ''),
      });
      current = undefined;
    } else if (current) current[name] ??= value;
    else if (name === 'METHOD') method = value.trim().toUpperCase();
  }
  return events;
}

/** The calendar after every file, applied in the order given. */
export function rebuildCalendar(files: readonly string[]): Map<string, HeldEvent> {
  const calendar = new Map<string, HeldEvent>();
  for (const file of files) {
    for (const event of parseCalendarFile(file)) {
      const held = calendar.get(event.uid);
      // An equal sequence is applied (a client takes the newer DTSTAMP); a lower one is out of date.
      if (held && event.sequence < held.sequence) continue;
      const cancelled = event.method === 'CANCEL' || event.status === 'CANCELLED';
      calendar.set(event.uid, { uid: event.uid, sequence: event.sequence, cancelled, startsAt: event.startsAt, endsAt: event.endsAt, location: event.location });
    }
  }
  return calendar;
}

/** Only the events the calendar shows: those not cancelled. */
export function shownEvents(calendar: ReadonlyMap<string, HeldEvent>): HeldEvent[] {
  return [...calendar.values()].filter((event) => !event.cancelled);
}

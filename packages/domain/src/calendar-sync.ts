/**
 * A person's calendar as desired state, reconciled: what their calendar should hold for each event
 * is computed from the schedule and the membership; what it was last sent is kept; the difference,
 * and only the difference, is sent, each change numbered above the last one that person received.
 * So whenever a change lands (staff, a lead, a withdrawal, a workflow step) and in whatever order,
 * the calendar converges on the schedule, and nobody is sent two emails for one change.
 */

/** What one event should be in a person's calendar. */
export interface CalendarEntry {
  startsAt: string;
  endsAt: string;
  location: string;
  /** What the event is in the programme's records (a consultancy slot), for the wording of its emails; not part of what a calendar holds. */
  ref?: string;
}

/** What the person's calendar was last sent for one event: its times, and the sequence of that email. */
export interface SentCalendarEntry extends CalendarEntry {
  sequence: number;
  status: 'confirmed' | 'cancelled';
}

/** By event key ("workshop-2"): one person's calendar as desired, or as sent. */
export type DesiredCalendar = Readonly<Record<string, CalendarEntry>>;
export type SentCalendar = Readonly<Record<string, SentCalendarEntry>>;

export type CalendarChangeKind = 'invite' | 'update' | 'cancel';

/** One email to send: an invitation (REQUEST), an update (REQUEST, higher sequence) or a cancellation (CANCEL). */
export interface CalendarChange {
  key: string;
  kind: CalendarChangeKind;
  sequence: number;
  entry: CalendarEntry;
  /** What the calendar held before, whose reminders must be withdrawn. */
  previous?: SentCalendarEntry;
}

const sameEntry = (a: CalendarEntry, b: CalendarEntry) => a.startsAt === b.startsAt && a.endsAt === b.endsAt && a.location === b.location;

/**
 * The changes that bring a sent calendar to the desired one, and the calendar as sent after them.
 * `events` are every event as scheduled now, wanted in this calendar or not: an event that has
 * started by its time now (or, if no longer scheduled, by its time last sent) is history, never
 * invited to, moved or cancelled after the fact; one moved later has not happened, though its old
 * time has passed.
 */
export function reconcileCalendar(
  events: DesiredCalendar,
  wanted: (key: string) => boolean,
  sent: SentCalendar,
  now: Date,
  /** The events this caller speaks for (its kind of event): others in the calendar are left as they are. */
  inScope: (key: string) => boolean = () => true,
): { changes: CalendarChange[]; next: SentCalendar } {
  const started = (entry: CalendarEntry) => Date.parse(entry.startsAt) <= now.getTime();
  const changes: CalendarChange[] = [];
  const next: Record<string, SentCalendarEntry> = { ...sent };
  const keys = [...new Set([...Object.keys(events), ...Object.keys(sent)])].filter(inScope).sort();
  for (const key of keys) {
    const event = events[key];
    const want = event && wanted(key) ? event : undefined;
    const had = sent[key];
    if (started(event ?? had!)) continue;
    let change: CalendarChange | undefined;
    if (want && (!had || had.status === 'cancelled')) {
      change = { key, kind: 'invite', sequence: had ? had.sequence + 1 : 0, entry: want, ...(had ? { previous: had } : {}) };
    } else if (want && had && !sameEntry(want, had)) {
      change = { key, kind: 'update', sequence: had.sequence + 1, entry: want, previous: had };
    } else if (!want && had?.status === 'confirmed') {
      const { startsAt, endsAt, location, ref } = had;
      change = { key, kind: 'cancel', sequence: had.sequence + 1, entry: { startsAt, endsAt, location, ...(ref === undefined ? {} : { ref }) }, previous: had };
    }
    if (!change) continue;
    changes.push(change);
    next[key] = { ...change.entry, sequence: change.sequence, status: change.kind === 'cancel' ? 'cancelled' : 'confirmed' };
  }
  return { changes, next };
}

/**
 * The calendar a person would hold after receiving these emails in order, as a calendar program
 * applies them: a message older than what it holds for the event is ignored, a cancellation removes.
 */
export function calendarAfter(changes: readonly CalendarChange[], holding: Readonly<Record<string, { sequence: number; entry?: CalendarEntry }>> = {}) {
  const calendar: Record<string, { sequence: number; entry?: CalendarEntry }> = { ...holding };
  for (const change of changes) {
    const held = calendar[change.key];
    if (held && held.sequence >= change.sequence) continue;
    calendar[change.key] = change.kind === 'cancel' ? { sequence: change.sequence } : { sequence: change.sequence, entry: change.entry };
  }
  return calendar;
}

import {
  ConcurrentChangeError,
  LOST_RACE,
  reconcileCalendar,
  takeTurns,
  type CalendarChange,
  type DesiredCalendar,
  type EmailToSend,
  type Ports,
} from '@pip/domain';

export interface PersonCalendarChange {
  areaId: string;
  personKey: string;
  /** Kept with the calendar for someone the platform knows only through it. */
  recipient?: { name: string; email: string };
  /** Every event of this kind as scheduled now, and whether this person should hold each. */
  events: DesiredCalendar;
  wanted: (key: string) => boolean;
  /** The events of this kind: a calendar's other entries are left as they are. */
  inScope: (key: string) => boolean;
  /** Withdraws what reminded of an entry that changes: a missing reminder is better than one naming the wrong day. */
  withdrawReminders: (change: CalendarChange) => Promise<void>;
  /** The emails that tell the person of one change, each with any personal link it carries. */
  emailsFor: (change: CalendarChange) => EmailToSend[];
}

/**
 * Brings one person's calendar, for one kind of event, to what it should hold: compared with what
 * it was last sent, only the difference is queued, with the new calendar, in one write at the
 * version read; a lost race reads again. Gives back what it queued.
 */
export async function reconcilePersonCalendar(ports: Pick<Ports, 'calendars' | 'clock'>, person: PersonCalendarChange, what: string): Promise<EmailToSend[]> {
  return takeTurns<EmailToSend[]>(async () => {
    const stored = await ports.calendars.get(person.areaId, person.personKey);
    const { changes, next } = reconcileCalendar(person.events, person.wanted, stored?.entries ?? {}, ports.clock.now(), person.inScope);
    if (changes.length === 0) return [];
    for (const change of changes) if (change.previous?.status === 'confirmed') await person.withdrawReminders(change);
    const emails = changes.flatMap(person.emailsFor);
    const calendar = {
      areaId: person.areaId,
      personKey: person.personKey,
      entries: next,
      version: (stored?.version ?? 0) + 1,
      ...(person.recipient ? { recipient: person.recipient } : {}),
    };
    return (await ports.calendars.save(calendar, emails, ports.clock.now().toISOString())) ? emails : LOST_RACE;
  }, () => new ConcurrentChangeError(what));
}

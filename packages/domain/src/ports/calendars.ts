import type { SentCalendar } from '../calendar-sync';
import type { EmailToSend } from './messages';

/** What one person's calendar was last sent for an area's events, at a version for compare-and-set. */
export interface PersonCalendar {
  areaId: string;
  /** The application reference of a participant, or the facilitator's key. */
  personKey: string;
  entries: SentCalendar;
  /** Where the calendar was sent, for someone the platform knows only through it (a facilitator, a former lead). */
  recipient?: { name: string; email: string };
  /** 1 for the first calendar written; each change raises it. */
  version: number;
}

/** What each person's calendar was last sent: the state the reconciliation compares the desired calendar with. */
export interface CalendarStore {
  get(areaId: string, personKey: string): Promise<PersonCalendar | undefined>;
  ofArea(areaId: string): Promise<PersonCalendar[]>;
  /**
   * Writes the calendar as now sent with the emails that tell the person (and any personal link they
   * carry), in one write, only if it
   * is still at the version before (`calendar.version - 1`; 0 when there was none): false if someone
   * reconciled it first, and then nothing is written or queued.
   */
  save(calendar: PersonCalendar, emails: readonly EmailToSend[], createdAt: string): Promise<boolean>;
}

import type { CalendarStore, EmailToSend, PersonCalendar } from '@pip/domain';
import type { MemoryOutbox } from './messages';
import { Rows, key } from './rows';

/** Each person's calendar as last sent; saved with its emails into the outbox, or not at all. */
export class MemoryCalendars implements CalendarStore {
  readonly rows = new Rows<PersonCalendar>();

  constructor(private readonly outbox: MemoryOutbox) {}

  async get(areaId: string, personKey: string): Promise<PersonCalendar | undefined> {
    return this.rows.read(key(areaId, personKey));
  }

  async ofArea(areaId: string): Promise<PersonCalendar[]> {
    return this.rows.listUnder(areaId);
  }

  async save(calendar: PersonCalendar, emails: readonly EmailToSend[], createdAt: string): Promise<boolean> {
    const stored = this.rows.get(key(calendar.areaId, calendar.personKey));
    if ((stored?.version ?? 0) !== calendar.version - 1) return false;
    if (emails.some(({ email }) => this.outbox.holds(email.messageId))) return false;
    for (const { email, link } of emails) await this.outbox.enqueue(email, createdAt, link);
    this.rows.write(key(calendar.areaId, calendar.personKey), calendar);
    return true;
  }
}

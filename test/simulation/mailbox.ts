import { tableStreamsSettled } from '@pip/local';
import type { SimPlatform } from './sim-platform';

/** Violations the simulation can be told to make, to show that its checks and its shrinking catch them. */
export type Injection = 'duplicate-email';

export interface ReceivedEmail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  /** The platform's time when the SES endpoint received it (its clock runs ahead of the machine's). */
  platformAt: number;
  /** The machine's time when the SES endpoint received it. */
  machineAt: number;
  /** Its .ics attachments, as text: the endpoint parses the raw MIME and keeps each attachment base64. */
  calendars: string[];
}

interface StoredEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
  attachments?: { filename?: string; contentType?: string; content: string }[];
  at: number;
}

const calendarsOf = (email: StoredEmail): string[] =>
  (email.attachments ?? [])
    .filter((attachment) => /text\/calendar/iu.test(attachment.contentType ?? '') || /\.ics$/iu.test(attachment.filename ?? ''))
    .map((attachment) => Buffer.from(attachment.content, 'base64').toString('utf8'));

/**
 * What the SES endpoint received, read from its GET /store as a person's inbox would show it. Read
 * before every move of the clock, so each email's platform time is known from the offset then.
 */
export class Mailbox {
  readonly emails: ReceivedEmail[] = [];
  private readonly seen = new Set<string>();
  private since = 0;

  constructor(
    private readonly platform: SimPlatform,
    /** Only this run's emails: the endpoint may be shared with other tests. */
    private readonly ours: (to: string, subject: string) => boolean,
    /** A fault of the checker's own, for its tests only: the first acknowledgement of an application is seen twice. */
    private readonly inject?: Injection,
  ) {}

  private injected = false;

  async refresh(): Promise<void> {
    // Emails go from the table's stream as they are stored: what was stored before now has gone once it has settled.
    await tableStreamsSettled();
    const response = await fetch(`${this.platform.sesStore}/store?since=${this.since}`);
    const store = (await response.json()) as { emails: StoredEmail[] };
    for (const email of store.emails) {
      if (this.seen.has(email.messageId)) continue;
      this.seen.add(email.messageId);
      this.since = Math.max(this.since, Math.floor(email.at) - 1);
      for (const to of email.destination.to) {
        if (!this.ours(to.toLowerCase(), email.subject)) continue;
        const received = { messageId: email.messageId, to: to.toLowerCase(), subject: email.subject, text: email.body.text ?? '', platformAt: this.platform.platformTimeOf(email.at * 1000), machineAt: email.at * 1000, calendars: calendarsOf(email) };
        this.emails.push(received);
        if (this.inject === 'duplicate-email' && !this.injected && received.subject.startsWith('Application received')) {
          this.injected = true;
          this.emails.push({ ...received, messageId: `${received.messageId}-injected` });
        }
      }
    }
  }

  to(address: string): ReceivedEmail[] {
    return this.emails.filter((email) => email.to === address.toLowerCase());
  }

  /** The path of the first link in the newest email to `address` whose subject starts so. */
  link(address: string, subjectStart: string, pattern: RegExp): string | undefined {
    const email = this.to(address).filter((candidate) => candidate.subject.startsWith(subjectStart)).at(-1);
    const match = email ? pattern.exec(email.text) : null;
    return match ? new URL(match[0], 'http://x').pathname : undefined;
  }
}

import type {
  EmailOutcome,
  EmailTracking,
  EmailedLink,
  EmailedLinkStore,
  LinkTokens,
  NewEmailedLink,
  OutboundEmail,
  Outbox,
  StoredEmail,
  UnreachableAddress,
  UnreachableAddresses,
} from '@pip/domain';
import type { DeliveryOutbox, OutboxDeliveryPorts } from '@pip/mail';
import { Rows, inKeyOrder } from './rows';

type Mailer = OutboxDeliveryPorts['mailer'];

/** Emailed links by their token. The outbox stores each with the email that carries it, in one write. */
export class MemoryEmailedLinks implements EmailedLinkStore {
  readonly links = new Rows<EmailedLink>();

  async find(token: string): Promise<EmailedLink | undefined> {
    return this.links.read(token);
  }
}

/**
 * The outbox, as the use cases queue emails into it and as delivery sends them. Emails stay once
 * sent or cancelled, as they do in the table, so a message id is queued once however often it is
 * retried.
 */
export class MemoryOutbox implements Outbox, DeliveryOutbox, EmailTracking {
  /** Every email queued, in order, as it stands now. */
  readonly emails: StoredEmail[] = [];
  /** The ids of the emails withdrawn, in the order they were. */
  readonly cancelled: string[] = [];
  /** The ids of the emails queued to be sent as soon as stored (by the table's stream, in the platform), in order. */
  readonly goingOnInsert: string[] = [];

  constructor(private readonly emailedLinks = new MemoryEmailedLinks()) {}

  holds(messageId: string): boolean {
    return this.emails.some((email) => email.messageId === messageId);
  }

  private stored(messageId: string): StoredEmail | undefined {
    return this.emails.find((email) => email.messageId === messageId);
  }

  async enqueue(email: OutboundEmail, createdAt: string, link?: NewEmailedLink, alongWith: readonly OutboundEmail[] = []): Promise<boolean> {
    const all = [email, ...alongWith];
    if (all.some((one) => this.holds(one.messageId)) || (link && this.emailedLinks.links.has(link.token))) return false;
    for (const one of all) {
      this.emails.push({ ...structuredClone(one), status: 'pending', createdAt, attempts: 0 });
      if (!one.sendAfter || one.sendAfter <= createdAt) this.goingOnInsert.push(one.messageId);
    }
    if (link) this.emailedLinks.links.write(link.token, link.link);
    return true;
  }

  async cancel(messageId: string): Promise<boolean> {
    const email = this.stored(messageId);
    if (email?.status !== 'pending') return false;
    email.status = 'cancelled';
    this.cancelled.push(messageId);
    return true;
  }

  async pendingIds(now: Date): Promise<string[]> {
    const dueAt = (email: StoredEmail) => email.sendAfter ?? email.createdAt;
    return this.emails
      .filter((email) => (email.status === 'pending' || email.status === 'sending') && dueAt(email) <= now.toISOString())
      .sort((a, b) => inKeyOrder(dueAt(a), dueAt(b)))
      .map((email) => email.messageId);
  }

  async claim(messageId: string, now: Date, claimSeconds: number): Promise<StoredEmail | undefined> {
    const email = this.stored(messageId);
    const at = now.toISOString();
    // As the table's outbox: the claim runs on the machine's time, whatever the platform's clock says.
    const machineNow = new Date();
    const free = email?.status === 'pending' || (email?.status === 'sending' && (email.claimExpiresAt ?? '') < machineNow.toISOString());
    if (!email || !free || (email.sendAfter !== undefined && email.sendAfter > at)) return undefined;
    Object.assign(email, { status: 'sending', claimExpiresAt: new Date(machineNow.getTime() + claimSeconds * 1000).toISOString(), attempts: email.attempts + 1 });
    return structuredClone(email);
  }

  async get(messageId: string): Promise<StoredEmail | undefined> {
    const email = this.stored(messageId);
    return email && structuredClone(email);
  }

  async markSent(messageId: string, now: Date, sesMessageId?: string): Promise<void> {
    const email = this.stored(messageId);
    if (!email) return;
    delete email.claimExpiresAt;
    Object.assign(email, { status: 'sent', sentAt: now.toISOString(), ...(sesMessageId ? { sesMessageId } : {}) });
  }

  async findBySesMessageId(sesMessageId: string): Promise<StoredEmail | undefined> {
    const email = this.emails.find((candidate) => candidate.sesMessageId === sesMessageId);
    return email && structuredClone(email);
  }

  async recordOutcome(messageId: string, outcome: EmailOutcome): Promise<void> {
    const email = this.stored(messageId);
    const order = ['sent', 'delivered', 'bounced', 'complained'];
    if (!email || order.indexOf(email.status) < 0 || order.indexOf(email.status) >= order.indexOf(outcome.status)) return;
    Object.assign(email, { status: outcome.status, outcome: { detail: outcome.detail, at: outcome.at } });
  }

  async release(messageId: string, reason: string, retryAt: string): Promise<void> {
    const email = this.stored(messageId);
    if (!email) return;
    delete email.claimExpiresAt;
    Object.assign(email, { status: 'pending', lastError: reason.slice(0, 500), sendAfter: retryAt });
  }

  async finish(messageId: string, status: 'given-up' | 'expired', reason?: string): Promise<void> {
    const email = this.stored(messageId);
    if (!email) return;
    delete email.claimExpiresAt;
    Object.assign(email, { status, ...(reason === undefined ? {} : { lastError: reason.slice(0, 500) }) });
  }

  /** The emails queued and not withdrawn since, sent or not. */
  queued(): StoredEmail[] {
    return this.emails.filter((email) => email.status !== 'cancelled');
  }

  /** The emails still waiting to be sent, such as reminders held for later. */
  waiting(): StoredEmail[] {
    return this.emails.filter((email) => email.status === 'pending');
  }

  to(address: string): StoredEmail[] {
    return this.queued().filter((email) => email.to === address);
  }

  subjects(): string[] {
    return this.queued().map((email) => email.subject);
  }
}

/** Addresses the platform could not reach, by address. */
export class MemoryUnreachableAddresses implements UnreachableAddresses {
  readonly byAddress = new Map<string, UnreachableAddress>();

  async find(address: string): Promise<UnreachableAddress | undefined> {
    return structuredClone(this.byAddress.get(address.toLowerCase()));
  }

  async findAll(addresses: readonly string[]): Promise<UnreachableAddress[]> {
    const found = new Set(addresses.map((address) => address.toLowerCase()));
    return [...found].flatMap((address) => (this.byAddress.has(address) ? [structuredClone(this.byAddress.get(address)!)] : []));
  }

  async record(problem: UnreachableAddress): Promise<void> {
    const address = problem.address.toLowerCase();
    const suppressed = problem.suppressed || (this.byAddress.get(address)?.suppressed ?? false);
    this.byAddress.set(address, { ...problem, address, suppressed });
  }
}

/** The email service, as delivery hands it what it claimed from the outbox: it takes every email. */
export class MemoryMailer implements Mailer {
  /** The ids of the emails sent, in order. */
  readonly sent: string[] = [];

  async send(email: OutboundEmail): Promise<string> {
    this.sent.push(email.messageId);
    return `ses-${email.messageId}`;
  }
}

/** Tokens shaped as the platform's (43 base64url characters, as links check), numbered so a test can tell them apart. */
export class MemoryLinkTokens implements LinkTokens {
  private made = 0;

  newToken(): string {
    this.made += 1;
    return `token-${String(this.made).padStart(4, '0')}`.padEnd(43, 'x');
  }
}

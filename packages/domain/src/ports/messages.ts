/** An email waiting in the outbox. The id is derived from the event, so one event is one email. */
export interface OutboundEmail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar attachment (an invitation, update or cancellation), sent as text/calendar. */
  calendar?: { filename: string; method: 'REQUEST' | 'CANCEL'; ics: string };
  /** Held in the outbox until this instant, as a reminder is, or an email waiting to be tried again. */
  sendAfter?: string;
  /** Dropped unsent from this instant: a reminder is about an event, and worthless once it has started. */
  notAfter?: string;
  /** The area the email is about, so that it shows in that area's timeline. */
  areaId?: string;
  /** The address of the person the email is about, when that is not its recipient (an alert to staff about an applicant). */
  about?: string;
  /** The application reference of the person the email is to (or about), so the area's timeline names them by it, never by address. */
  applicationId?: string;
  /**
   * What the wording is made from, when the table keeps only this while the email waits and the wording
   * is made again as it is sent (and kept then): a small item in the transaction that queues it.
   */
  template?: EmailTemplate;
}

/** A named wording of the mail package and the facts it is made from (no answers, only what the email says). */
export interface EmailTemplate {
  name: string;
  facts: Record<string, string>;
}

/** Someone a personal email goes to. */
export interface Recipient {
  /** Stable within the area: an application reference, or the facilitator's key. */
  key: string;
  name: string;
  email: string;
}

/** Where an email stands in being sent. */
export type EmailStatus =
  | 'pending'
  | 'sending'
  | 'sent'
  | 'cancelled'
  /** Refused on every attempt, or by its nature (an address or text the email service can never take). */
  | 'given-up'
  /** Its moment passed before it could be sent, so it never will be. */
  | 'expired'
  /** What the email service reported after sending it. */
  | 'delivered'
  | 'bounced'
  | 'complained';

/** An email as the outbox holds it, with where it stands in being sent. */
export interface StoredEmail extends OutboundEmail {
  status: EmailStatus;
  createdAt: string;
  attempts: number;
  sentAt?: string;
  lastError?: string;
  /**
   * While `sending`, the claim lapses at this instant so a crashed sender does not strand the email: by
   * the machine's time, not the platform's clock, which the local platform moves days at a time.
   */
  claimExpiresAt?: string;
  /** The email service's id, by which its reports of delivery, bounces and complaints name the email. */
  sesMessageId?: string;
  /** What the email service reported: a bounce's reason, a complaint's kind. */
  outcome?: { detail: string; at: string };
}

/** What a personal link in an email is for. */
export type LinkPurpose = 'withdraw' | 'reserve-offer' | 'nomination' | 'consultancy' | 'follow-up' | 'evaluation' | 'application';

/** What an emailed link lets its holder do, and until when. */
export interface EmailedLink {
  purpose: LinkPurpose;
  areaId: string;
  applicationId?: string;
  expiresAt: string;
  /** Anything the page behind the link needs, such as a nomination's prefilled answers. */
  details?: Record<string, unknown>;
}

/** A new link's secret token and what it grants: stored with the email that carries it, or not at all. */
export interface NewEmailedLink {
  token: string;
  link: EmailedLink;
}

/** An email to queue, with the link it carries if any. */
export interface EmailToSend {
  email: OutboundEmail;
  link?: NewEmailedLink;
  /** Later emails carrying the same link again (its reminder): queued in the same write, or not at all. */
  alongWith?: readonly OutboundEmail[];
}

/** Emailed links, found by the token a person brings back; only its hash is ever stored. */
export interface EmailedLinkStore {
  find(token: string): Promise<EmailedLink | undefined>;
}

/** Emails waiting to be sent. */
export interface Outbox {
  /**
   * Queues an email once: false when its message id is already there (a repeated event). One due now
   * is sent as soon as it is stored, by the function the table's stream invokes; the minute's delivery
   * sends whatever is still waiting, and one due later when its time comes.
   */
  enqueue(email: OutboundEmail, createdAt: string, link?: NewEmailedLink, alongWith?: readonly OutboundEmail[]): Promise<boolean>;
  /** Withdraws an email not yet sent, such as a reminder for a moved event; false if there was none to withdraw. */
  cancel(messageId: string): Promise<boolean>;
}

/** Makes the secret token of a new emailed link. */
export interface LinkTokens {
  newToken(): string;
}

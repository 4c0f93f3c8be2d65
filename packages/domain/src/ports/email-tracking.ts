import type { StoredEmail } from './messages';

/**
 * An address the platform could not reach, with the last email that failed. A permanent bounce or
 * a complaint suppresses the address: SES asks senders to stop, so nothing more is sent to it.
 */
export interface UnreachableAddress {
  /** Lower-cased. */
  address: string;
  problem: 'bounced' | 'complained' | 'given-up';
  suppressed: boolean;
  reason: string;
  at: string;
  /** The email that did not arrive, to send again once staff correct the address. */
  messageId: string;
  subject: string;
}

export interface UnreachableAddresses {
  find(address: string): Promise<UnreachableAddress | undefined>;
  /** Those of the addresses the platform could not reach, read together (a page of many people reads them in one round trip). */
  findAll(addresses: readonly string[]): Promise<UnreachableAddress[]>;
  /** The latest problem of each address; an address once suppressed stays so. */
  record(problem: UnreachableAddress): Promise<void>;
}

/** What became of an email after it was sent, as the email service reported it. */
export interface EmailOutcome {
  status: 'delivered' | 'bounced' | 'complained';
  detail: string;
  at: string;
}

/** The outbox as the email service's reports reach it: sent emails found by the service's own id. */
export interface EmailTracking {
  get(messageId: string): Promise<StoredEmail | undefined>;
  findBySesMessageId(sesMessageId: string): Promise<StoredEmail | undefined>;
  /** Keeps the worst outcome: a complaint over a bounce over a delivery, whatever order the reports come in. */
  recordOutcome(messageId: string, outcome: EmailOutcome): Promise<void>;
}

import { daysAfter } from './durations';
import { ConflictError } from './errors';
import { ukDateOf } from './uk-time';

/**
 * How many emails the public forms may cause one address to receive. Anyone can type any address
 * into a public form, so without a limit the platform could be used to flood someone's inbox.
 */
export const publicEmailRules = {
  /** Emails to one address (in any letter case) in one UK calendar day, from every public form together. */
  perAddressPerUkDay: 3,
  /** A day's count is needed only while that day lasts; it is kept a little longer, then forgotten. */
  keepCountDays: 2,
} as const;

/** The day's allowance that one email from a public form counts against. */
export interface EmailAllowance {
  address: string;
  /** The UK calendar day, YYYY-MM-DD. */
  ukDay: string;
  limit: number;
  /** When the day's count may be deleted. */
  forgetAfter: string;
}

export function emailAllowance(address: string, now: Date): EmailAllowance {
  return {
    address,
    ukDay: ukDateOf(now),
    limit: publicEmailRules.perAddressPerUkDay,
    forgetAfter: daysAfter(now, publicEmailRules.keepCountDays),
  };
}

/**
 * The address has had all the emails the public forms may send it today, so nothing more is stored
 * or sent. `field` is where a form shows the message: the email address, where the form has one.
 */
export class EmailLimitReachedError extends ConflictError {
  constructor(
    readonly limit: number = publicEmailRules.perAddressPerUkDay,
    field = 'email',
  ) {
    super(`We have already sent ${limit} emails to this address today. Try again tomorrow.`, field);
  }
}

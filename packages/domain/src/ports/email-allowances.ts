import type { EmailAllowance } from '../public-emails';

/** The count of emails the public forms caused each address to receive, a UK day at a time. */
export interface EmailAllowanceStore {
  /**
   * Counts one more email against the allowance, in one atomic step, unless its limit is counted
   * already: then false, and nothing is counted.
   */
  take(allowance: EmailAllowance): Promise<boolean>;
}

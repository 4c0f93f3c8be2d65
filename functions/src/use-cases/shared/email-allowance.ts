import { EmailLimitReachedError, emailAllowance, type Ports } from '@pip/domain';

export type EmailAllowancePorts = Pick<Ports, 'emailAllowances' | 'clock'>;

/**
 * Counts one email caused by a public form against the address's allowance for today, or refuses
 * with the limit, saying so on `field` of the form. Call it before anything is stored or queued.
 */
export async function takeEmailAllowance(ports: EmailAllowancePorts, address: string, field = 'email'): Promise<void> {
  const allowance = emailAllowance(address, ports.clock.now());
  if (!(await ports.emailAllowances.take(allowance))) throw new EmailLimitReachedError(allowance.limit, field);
}

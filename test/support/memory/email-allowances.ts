import { applicantKey, type EmailAllowance, type EmailAllowanceStore } from '@pip/domain';
import { key } from './rows';

/** The day's count of emails each address had from the public forms, by the address in any letter case. */
export class MemoryEmailAllowances implements EmailAllowanceStore {
  readonly counts = new Map<string, number>();

  private keyOf(allowance: EmailAllowance): string {
    return key(applicantKey(allowance.address), allowance.ukDay);
  }

  /** Whether one more email fits today's allowance, without counting it, for a write that counts it with others. */
  fits(allowance: EmailAllowance): boolean {
    return (this.counts.get(this.keyOf(allowance)) ?? 0) < allowance.limit;
  }

  async take(allowance: EmailAllowance): Promise<boolean> {
    if (!this.fits(allowance)) return false;
    this.counts.set(this.keyOf(allowance), (this.counts.get(this.keyOf(allowance)) ?? 0) + 1);
    return true;
  }
}

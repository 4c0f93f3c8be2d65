import { ValidationError } from '@pip/domain';

const LOOKS_LIKE_AN_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** The address staff asked about, checked: a field error (`email`) when it is missing or not an address. */
export function personAddress(typed: string | undefined): string {
  const address = (typed ?? '').trim();
  if (address === '') throw ValidationError.of('email', 'Enter the email address of the person');
  if (address.length > 254 || !LOOKS_LIKE_AN_ADDRESS.test(address)) throw ValidationError.of('email', 'Enter an email address in the correct format, like name@example.org');
  return address;
}

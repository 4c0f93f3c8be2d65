import { applicantKey } from './application';

/** The domain of every address an erasure gives: `.invalid` is reserved, so no email can ever reach one. */
export const ERASED_ADDRESS_DOMAIN = 'erased.invalid';

/** Whether an address is one an erasure gave: nobody is behind it, so nothing is ever sent to it. */
export const isPseudonymousAddress = (email: string): boolean => applicantKey(email).endsWith(`@${ERASED_ADDRESS_DOMAIN}`);

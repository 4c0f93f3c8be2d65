import type { EmailedLink, LinkPurpose } from '@pip/storage';
import { getPlatform } from './wiring';

/** A whole token is 32 random bytes in base64url; anything else cannot be one of ours. */
const TOKEN = /^[\w-]{43}$/u;

export type OpenedLink = { problem: 'unknown' | 'expired' } | { problem?: undefined; token: string; link: EmailedLink & { applicationId: string } };

/**
 * The link behind a token from an email, if it is whole, known, for one of these purposes, names
 * a person, and has not expired. What went wrong is said without saying what exists.
 */
export async function openLink(token: string, purposes: readonly LinkPurpose[]): Promise<OpenedLink> {
  const platform = getPlatform();
  const link = TOKEN.test(token) ? await platform.links.find(token) : undefined;
  if (!link || !purposes.includes(link.purpose) || !link.applicationId) return { problem: 'unknown' };
  if (Date.parse(link.expiresAt) <= platform.clock.now().getTime()) return { problem: 'expired' };
  return { token, link: link as EmailedLink & { applicationId: string } };
}

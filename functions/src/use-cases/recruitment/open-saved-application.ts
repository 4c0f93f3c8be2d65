import type { LinkProblem, Ports, SavedApplication } from '@pip/domain';

/** A whole token is 32 random bytes in base64url; anything else cannot be one of ours. */
const TOKEN = /^[\w-]{43}$/u;

export type OpenedSavedApplication = { problem: LinkProblem } | { problem?: undefined; saved: SavedApplication };

/**
 * The answers behind a saved application's link, if it is whole, known and has not expired; what went
 * wrong is said without saying what exists.
 */
export async function openSavedApplication(ports: Pick<Ports, 'savedApplications' | 'clock'>, areaId: string, token: string): Promise<OpenedSavedApplication> {
  const saved = TOKEN.test(token) ? await ports.savedApplications.find(areaId, token) : undefined;
  if (!saved) return { problem: 'unknown' };
  if (Date.parse(saved.expiresAt) <= ports.clock.now().getTime()) return { problem: 'expired' };
  return { saved };
}

import { randomBytes } from 'node:crypto';
import type { StaffStore } from '@pip/domain';
import { setCookie } from './cookies';
import type { HttpEvent } from './event';
import { redirect } from './responses';
import { HttpError } from './http-error';
import { CSRF_COOKIE, STAFF_SESSION_COOKIE, admits, homeOf, verifySignInToken } from './staff-auth';

const SESSION_SECONDS = 60 * 60;

/** Holds a sign-in attempt between leaving for the sign-in page and coming back; cleared once signed in. */
export const SIGN_IN_STATE_COOKIE = 'pip_sign_in';

/** Only the signed-in pages of this site: a sign-in link cannot send anyone elsewhere afterwards. */
export function safeReturnPath(value: string | undefined): string {
  return value && /^\/(staff|reference)(\/[\w\-./]*)?$/u.test(value) ? value : '/staff';
}

/**
 * Where a person lands once signed in: where they were going if their groups admit it (the
 * reference group's pages are under /reference, every other signed-in page is staff only), else their home.
 */
export function landingPath(groups: readonly string[], returnTo: string): string {
  const path = safeReturnPath(returnTo);
  const audience = path === '/reference' || path.startsWith('/reference/') ? 'reference-group' : 'staff';
  return admits(audience, groups) ? path : (homeOf(groups) ?? '/staff');
}

/**
 * Sets the session and CSRF cookies for a verified ID token of staff or of the reference group;
 * records who signed in as staff (the staff list is who may review), never a reference group member.
 */
export async function startStaffSession(staffStore: StaffStore, event: HttpEvent, idToken: string, returnTo: string) {
  const person = await verifySignInToken(idToken);
  if (!homeOf(person.groups)) throw new HttpError(403, 'Your account is not in the programme staff group or the reference group.');
  if (admits('staff', person.groups)) await staffStore.record({ staffId: person.staffId, name: person.name, email: person.email });
  return {
    ...redirect(landingPath(person.groups, returnTo)),
    cookies: [
      setCookie(event, STAFF_SESSION_COOKIE, idToken, { maxAgeSeconds: SESSION_SECONDS, sameSite: 'Lax' }),
      setCookie(event, CSRF_COOKIE, randomBytes(32).toString('base64url'), { maxAgeSeconds: SESSION_SECONDS, sameSite: 'Strict' }),
      setCookie(event, SIGN_IN_STATE_COOKIE, '', { maxAgeSeconds: 0, sameSite: 'Lax' }),
    ],
  };
}


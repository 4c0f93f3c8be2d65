import { randomBytes } from 'node:crypto';
import type { StaffStore } from '@pip/domain';
import { setCookie } from './cookies';
import type { HttpEvent } from './event';
import { redirect } from './responses';
import { CSRF_COOKIE, STAFF_SESSION_COOKIE, verifyStaffToken } from './staff-auth';

const SESSION_SECONDS = 60 * 60;

/** Holds a sign-in attempt between leaving for the sign-in page and coming back; cleared once signed in. */
export const SIGN_IN_STATE_COOKIE = 'pip_sign_in';

/** Only paths on this site: a sign-in link cannot send staff elsewhere afterwards. */
export function safeReturnPath(value: string | undefined): string {
  return value && /^\/staff(\/[\w\-./]*)?$/u.test(value) ? value : '/staff';
}

/** Sets the session and CSRF cookies for a verified staff ID token and records who signed in. */
export async function startStaffSession(staffStore: StaffStore, event: HttpEvent, idToken: string, returnTo: string) {
  const staff = await verifyStaffToken(idToken);
  await staffStore.record(staff);
  return {
    ...redirect(safeReturnPath(returnTo)),
    cookies: [
      setCookie(event, STAFF_SESSION_COOKIE, idToken, { maxAgeSeconds: SESSION_SECONDS, sameSite: 'Lax' }),
      setCookie(event, CSRF_COOKIE, randomBytes(32).toString('base64url'), { maxAgeSeconds: SESSION_SECONDS, sameSite: 'Strict' }),
      setCookie(event, SIGN_IN_STATE_COOKIE, '', { maxAgeSeconds: 0, sameSite: 'Lax' }),
    ],
  };
}


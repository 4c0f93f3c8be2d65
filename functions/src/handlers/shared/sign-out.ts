import { setCookie } from '../../kit/cookies';
import type { RouteHandler } from '../../kit/http-handler';
import { redirect } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { CSRF_COOKIE, STAFF_SESSION_COOKIE } from '../../kit/staff-auth';

/**
 * POST /staff/sign-out, and POST /reference/sign-out for the reference group (who may use no staff
 * route): ends the session here, then at Cognito where the platform uses it.
 */
export const signOut: RouteHandler = (event) => ({
  ...redirect(platformPorts().staffSignIn.signedOut),
  cookies: [STAFF_SESSION_COOKIE, CSRF_COOKIE].map((name) => setCookie(event, name, '', { maxAgeSeconds: 0, sameSite: 'Lax' })),
});

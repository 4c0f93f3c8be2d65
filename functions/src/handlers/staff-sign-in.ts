import { cookie, setCookie } from '../kit/cookies';
import type { HttpEvent } from '../kit/event';
import { HttpError } from '../kit/http-error';
import { redirect } from '../kit/responses';
import { SIGN_IN_STATE_COOKIE, safeReturnPath, startStaffSession } from '../kit/staff-session';
import { platformPorts } from '../composition-root';
import type { SignInAttempt } from '../adapters/staff-sign-in';
import { pageHandler } from './shared/page-handler';

/** Long enough to type a password and answer a second factor; a stale attempt starts again. */
const ATTEMPT_SECONDS = 600;

function attemptOf(event: HttpEvent): SignInAttempt | undefined {
  const saved = JSON.parse(cookie(event, SIGN_IN_STATE_COOKIE) ?? '{}') as Partial<SignInAttempt>;
  return saved.state && saved.verifier ? { state: saved.state, verifier: saved.verifier, returnTo: saved.returnTo ?? '/staff' } : undefined;
}

/** Staff sign in where the platform's sign-in is (Cognito in AWS), and come back with a code for their ID token. */
export const handler = pageHandler('staff-sign-in', {
  'GET /staff/sign-in': (event: HttpEvent) => {
    const { location, attempt } = platformPorts().staffSignIn.begin(safeReturnPath(event.queryStringParameters?.returnTo));
    if (!attempt) return redirect(location);
    return { ...redirect(location), cookies: [setCookie(event, SIGN_IN_STATE_COOKIE, JSON.stringify(attempt), { maxAgeSeconds: ATTEMPT_SECONDS, sameSite: 'Lax' })] };
  },
  'GET /staff/auth/callback': async (event: HttpEvent) => {
    const attempt = attemptOf(event);
    const { code, state } = event.queryStringParameters ?? {};
    if (!code || !attempt || state !== attempt.state) {
      throw new HttpError(400, 'This sign-in link has expired or was already used. Start again from the sign-in page.');
    }
    const idToken = await platformPorts().staffSignIn.finish(code, attempt);
    if (!idToken) throw new HttpError(400, 'Sign-in did not complete. Start again from the sign-in page.');
    return startStaffSession(platformPorts().staff, event, idToken, attempt.returnTo);
  },
});

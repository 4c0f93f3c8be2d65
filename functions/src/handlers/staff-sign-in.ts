import { createHash, randomBytes } from 'node:crypto';
import { cookie, setCookie } from '../kit/cookies';
import type { HttpEvent } from '../kit/event';
import { HttpError } from '../kit/http-error';
import { redirect } from '../kit/responses';
import { safeReturnPath, startStaffSession } from '../kit/staff-session';
import { platformPorts } from '../composition-root';
import { pageHandler } from './shared/page-handler';

const SIGN_IN_STATE_COOKIE = 'pip_sign_in';

// Cognito sends staff back only to the address the stack registered, which is this one.
const callbackUrl = () => platformPorts().links.urlOf('/staff/auth/callback');

function cognitoDomain(): string {
  const domain = process.env.COGNITO_DOMAIN;
  if (!domain) throw new Error('COGNITO_DOMAIN is not set');
  return domain;
}

/**
 * Staff sign in with Cognito's managed login (authorisation code with PKCE). Where the platform runs
 * without Cognito, as on this machine, STAFF_SIGN_IN_URL points at the local sign-in instead.
 */
export const handler = pageHandler('staff-sign-in', {
  'GET /staff/sign-in': (event: HttpEvent) => {
    const returnTo = safeReturnPath(event.queryStringParameters?.returnTo);
    if (process.env.STAFF_SIGN_IN_URL) return redirect(`${process.env.STAFF_SIGN_IN_URL}?returnTo=${encodeURIComponent(returnTo)}`);
    const state = randomBytes(16).toString('base64url');
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: process.env.STAFF_AUDIENCE ?? '',
      redirect_uri: callbackUrl(),
      scope: 'openid email profile',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    return {
      ...redirect(`${cognitoDomain()}/oauth2/authorize?${query}`),
      cookies: [setCookie(event, SIGN_IN_STATE_COOKIE, JSON.stringify({ state, verifier, returnTo }), { maxAgeSeconds: 600, sameSite: 'Lax' })],
    };
  },
  'GET /staff/auth/callback': async (event: HttpEvent) => {
    const saved = JSON.parse(cookie(event, SIGN_IN_STATE_COOKIE) ?? '{}') as { state?: string; verifier?: string; returnTo?: string };
    const { code, state } = event.queryStringParameters ?? {};
    if (!code || !state || state !== saved.state || !saved.verifier) {
      throw new HttpError(400, 'This sign-in link has expired or was already used. Start again from the sign-in page.');
    }
    const response = await fetch(`${cognitoDomain()}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: process.env.STAFF_AUDIENCE ?? '',
        code,
        redirect_uri: callbackUrl(),
        code_verifier: saved.verifier,
      }),
    });
    if (!response.ok) throw new HttpError(400, 'Sign-in did not complete. Start again from the sign-in page.');
    const { id_token: idToken } = (await response.json()) as { id_token?: string };
    if (!idToken) throw new HttpError(400, 'Sign-in did not complete. Start again from the sign-in page.');
    return startStaffSession(platformPorts().staff, event, idToken, saved.returnTo ?? '/staff');
  },
});

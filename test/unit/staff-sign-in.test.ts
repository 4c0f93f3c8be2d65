import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CognitoSignIn, LocalSignIn } from '../../functions/src/adapters/staff-sign-in';

describe('staff sign-in', () => {
  const cognito = new CognitoSignIn('https://pip.auth.eu-west-2.amazoncognito.com', 'client-1', 'https://pip.example/staff/auth/callback', 'https://pip.example/out');

  it('sends staff to Cognito with a PKCE challenge of a verifier it keeps, and a fresh state each time', () => {
    const { location, attempt } = cognito.begin('/staff/areas/leeds');
    const url = new URL(location);
    expect(url.origin + url.pathname).toBe('https://pip.auth.eu-west-2.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://pip.example/staff/auth/callback',
      scope: 'openid email profile',
      state: attempt!.state,
      code_challenge: createHash('sha256').update(attempt!.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect(attempt!.returnTo).toBe('/staff/areas/leeds');
    expect(cognito.begin('/staff').attempt!.state).not.toBe(attempt!.state);
  });

  it('on this machine, sends staff to the local sign-in page with where to return, remembering nothing', () => {
    expect(new LocalSignIn('/local/staff-sign-in').begin('/staff/areas/leeds')).toEqual({ location: '/local/staff-sign-in?returnTo=%2Fstaff%2Fareas%2Fleeds' });
  });
});

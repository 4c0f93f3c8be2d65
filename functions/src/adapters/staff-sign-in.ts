import { createHash, randomBytes } from 'node:crypto';

/** What a sign-in remembers between sending staff away and their return, in a short-lived cookie. */
export interface SignInAttempt {
  state: string;
  verifier: string;
  returnTo: string;
}

/** Where staff sign in and out: Cognito's managed login in AWS, the local sign-in page on this machine. */
export interface StaffSignIn {
  /** Where to send a member of staff to sign in, and what to remember for their return, if anything. */
  begin(returnTo: string): { location: string; attempt?: SignInAttempt };
  /** The ID token for the code they came back with; undefined if the sign-in did not complete. */
  finish(code: string, attempt: SignInAttempt): Promise<string | undefined>;
  /** Where staff go once signed out. */
  signedOut: string;
}

/**
 * Cognito's managed login, authorisation code with PKCE: the verifier never leaves this function
 * and the cookie, so a code caught on the way back is no use to anyone else.
 */
export class CognitoSignIn implements StaffSignIn {
  constructor(
    private readonly domain: string,
    private readonly clientId: string,
    /** Cognito sends staff back only to the address the stack registered, which is this one. */
    private readonly callbackUrl: string,
    readonly signedOut: string,
  ) {}

  begin(returnTo: string) {
    const attempt = { state: randomBytes(16).toString('base64url'), verifier: randomBytes(32).toString('base64url'), returnTo };
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: this.clientId,
      redirect_uri: this.callbackUrl,
      scope: 'openid email profile',
      state: attempt.state,
      code_challenge: createHash('sha256').update(attempt.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    return { location: `${this.domain}/oauth2/authorize?${query}`, attempt };
  }

  async finish(code: string, attempt: SignInAttempt): Promise<string | undefined> {
    const response = await fetch(`${this.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: this.clientId,
        code,
        redirect_uri: this.callbackUrl,
        code_verifier: attempt.verifier,
      }),
    });
    if (!response.ok) return undefined;
    const { id_token: idToken } = (await response.json()) as { id_token?: string };
    return idToken;
  }
}

/** On this machine: the local sign-in page, which issues its own tokens and never calls back. */
export class LocalSignIn implements StaffSignIn {
  readonly signedOut = '/apply';

  constructor(private readonly signInUrl: string) {}

  begin(returnTo: string) {
    return { location: `${this.signInUrl}?returnTo=${encodeURIComponent(returnTo)}` };
  }

  async finish(): Promise<undefined> {
    return undefined;
  }
}

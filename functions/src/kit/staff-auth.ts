import { timingSafeEqual } from 'node:crypto';
import { REFERENCE_GROUP, STAFF_GROUP, type Actor } from '@pip/domain';
import type { RouteAudience } from '../routes';
import type { HttpEvent } from './event';
import { header } from './headers';
import { cookie } from './cookies';
import { HttpError } from './http-error';

export const STAFF_SESSION_COOKIE = 'pip_staff';
export const CSRF_COOKIE = 'pip_csrf';

export interface StaffMember {
  staffId: string;
  name: string;
  email: string;
}

/** Anyone signed in through the platform's user pool, with the groups their token puts them in. */
export interface SignedInPerson extends StaffMember {
  groups: readonly string[];
}

export type StaffEvent = HttpEvent & { staff: StaffMember; csrfToken: string };
type SignedInEvent = HttpEvent & { signedIn: SignedInPerson; staff?: StaffMember; csrfToken: string };

/**
 * Which groups each signed-in audience admits. Staff also see the reference group's pages, so the
 * team can check what the group is shown; nothing there is more than staff already see.
 */
const admittedGroups: Record<Exclude<RouteAudience, 'anyone'>, readonly string[]> = {
  staff: [STAFF_GROUP],
  'reference-group': [REFERENCE_GROUP, STAFF_GROUP],
};

export const admits = (audience: Exclude<RouteAudience, 'anyone'>, groups: readonly string[]): boolean =>
  admittedGroups[audience].some((group) => groups.includes(group));

/** Where a signed-in person starts: staff at the programme overview, the reference group at their own home; nowhere for anyone else. */
export function homeOf(groups: readonly string[]): string | undefined {
  if (groups.includes(STAFF_GROUP)) return '/staff';
  return groups.includes(REFERENCE_GROUP) ? '/reference' : undefined;
}

/** No token, or one that does not verify: the person must sign in. */
export class SignInRequiredError extends HttpError {
  constructor() {
    super(401, 'Sign in as programme staff to use this');
  }
}

/** Signed in, but in no group the route admits: a reference group member on a staff page, say. */
export class NotForThisGroupError extends HttpError {
  readonly title: string;
  /** Where this person can go instead, if anywhere. */
  readonly home: string | undefined;

  constructor(audience: Exclude<RouteAudience, 'anyone'>, groups: readonly string[]) {
    const home = homeOf(groups);
    super(
      403,
      home === '/reference'
        ? 'You are signed in as a member of the reference group.'
        : audience === 'staff'
          ? 'Your account is not in the programme staff group.'
          : 'Your account is not in the reference group or the programme staff group.',
    );
    this.title = audience === 'staff' ? 'This page is for the programme staff' : 'This page is for the programme’s reference group';
    this.home = home;
  }
}

type Verifier = { verify(token: string): Promise<Record<string, unknown>> };
let verifier: Promise<Verifier> | undefined;

/**
 * Verifies ID tokens from the staff user pool: Cognito in AWS, the local sign-in on this machine.
 * Both are configured the same way, by issuer and audience; locally the signing keys are handed
 * over in STAFF_JWKS instead of fetched. The library is loaded on the first token, so that a public
 * page's cold start does not pay for it.
 */
function staffTokenVerifier(): Promise<Verifier> {
  verifier ??= makeVerifier().catch((error: unknown) => {
    // Not kept: the next token tries again (the environment may have been set since).
    verifier = undefined;
    throw error;
  });
  return verifier;
}

async function makeVerifier(): Promise<Verifier> {
  const { JwtVerifier } = await import('aws-jwt-verify/jwt-verifier');
  const issuer = process.env.STAFF_ISSUER;
  const audience = process.env.STAFF_AUDIENCE;
  if (!issuer || !audience) throw new Error('STAFF_ISSUER and STAFF_AUDIENCE must be set');
  const jwtVerifier = JwtVerifier.create({
    issuer,
    audience,
    jwksUri: process.env.STAFF_JWKS_URI ?? `${issuer}/.well-known/jwks.json`,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'id') throw new Error('Not an ID token');
    },
  });
  if (process.env.STAFF_JWKS) jwtVerifier.cacheJwks(JSON.parse(process.env.STAFF_JWKS));
  return jwtVerifier as unknown as Verifier;
}

/** Who a verified ID token says this is, and their groups; a token that does not verify means signing in. */
export async function verifySignInToken(token: string): Promise<SignedInPerson> {
  let payload: Record<string, unknown>;
  try {
    payload = await (await staffTokenVerifier()).verify(token);
  } catch {
    throw new SignInRequiredError();
  }
  const groups = payload['cognito:groups'];
  return {
    staffId: String(payload.sub),
    name: String(payload.name ?? payload.email ?? payload.sub),
    email: String(payload.email ?? ''),
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
  };
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Every route that is not public goes through this: pages read the session cookie, the JSON API
 * reads a bearer token, and only a person in a group the route admits gets in. Page posts must also
 * carry the form token that matches the CSRF cookie, which another site can neither read nor set.
 */
export async function requireSignedIn(kind: 'page' | 'json', event: HttpEvent, audience: Exclude<RouteAudience, 'anyone'>): Promise<void> {
  const signedInEvent = event as SignedInEvent;
  const token =
    kind === 'json' ? /^Bearer (.+)$/u.exec(header(event, 'authorization') ?? '')?.[1] : cookie(event, STAFF_SESSION_COOKIE);
  if (!token) throw new SignInRequiredError();
  const person = await verifySignInToken(token);
  if (!admits(audience, person.groups)) throw new NotForThisGroupError(audience, person.groups);
  signedInEvent.signedIn = person;
  if (person.groups.includes(STAFF_GROUP)) signedInEvent.staff = { staffId: person.staffId, name: person.name, email: person.email };
  if (kind !== 'page') return;
  signedInEvent.csrfToken = cookie(event, CSRF_COOKIE) ?? '';
  if (event.requestContext.http.method === 'GET') return;
  const posted = (event.parsedBody as Record<string, unknown> | undefined)?.csrfToken;
  if (typeof posted !== 'string' || !sameToken(posted, signedInEvent.csrfToken)) {
    throw new HttpError(403, 'This form has expired. Go back, reload the page and try again.');
  }
}

/** The signed-in staff member of a staff route, as the audit log and stored decisions record them. */
export function staffOf(event: HttpEvent): StaffMember {
  const { staff } = event as Partial<StaffEvent>;
  if (!staff) throw new SignInRequiredError();
  return staff;
}

/** The signed-in staff member as the audit log and stored decisions record who acted. */
export function actorOf(event: HttpEvent): Actor {
  const { staffId, name } = staffOf(event);
  return { staffId, name };
}

/** Who is signed in and the token their forms carry, as staff pages show them. */
export function staffView(event: HttpEvent): { name: string; csrfToken: string } {
  return { name: staffOf(event).name, csrfToken: (event as StaffEvent).csrfToken ?? '' };
}

/** Whoever is signed in on a route for the reference group (a member, or staff seeing what they see), and the token their forms carry. */
export function signedInView(event: HttpEvent): { name: string; csrfToken: string } {
  const { signedIn, csrfToken } = event as Partial<SignedInEvent>;
  if (!signedIn) throw new SignInRequiredError();
  return { name: signedIn.name, csrfToken: csrfToken ?? '' };
}

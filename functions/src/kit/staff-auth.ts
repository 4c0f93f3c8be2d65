import { timingSafeEqual } from 'node:crypto';
import { JwtVerifier } from 'aws-jwt-verify';
import { STAFF_GROUP, type Actor } from '@pip/domain';
import type { HttpEvent } from './event';
import { header } from './event';
import { cookie } from './cookies';
import { HttpError } from './http-error';

export const STAFF_SESSION_COOKIE = 'pip_staff';
export const CSRF_COOKIE = 'pip_csrf';

export interface StaffMember {
  staffId: string;
  name: string;
  email: string;
}

export type StaffEvent = HttpEvent & { staff: StaffMember; csrfToken: string };

/** No token, or one that does not verify: the person must sign in. */
export class SignInRequiredError extends HttpError {
  constructor() {
    super(401, 'Sign in as programme staff to use this');
  }
}

type Verifier = { verify(token: string): Promise<Record<string, unknown>> };
let verifier: Verifier | undefined;

/**
 * Verifies ID tokens from the staff user pool: Cognito in AWS, the local sign-in on this machine.
 * Both are configured the same way, by issuer and audience; locally the signing keys are handed
 * over in STAFF_JWKS instead of fetched.
 */
function staffTokenVerifier(): Verifier {
  if (verifier) return verifier;
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
  verifier = jwtVerifier as unknown as Verifier;
  return verifier;
}

export async function verifyStaffToken(token: string): Promise<StaffMember> {
  let payload: Record<string, unknown>;
  try {
    payload = await staffTokenVerifier().verify(token);
  } catch {
    throw new SignInRequiredError();
  }
  const groups = payload['cognito:groups'];
  if (!Array.isArray(groups) || !groups.includes(STAFF_GROUP)) {
    throw new HttpError(403, 'Your account is not in the programme staff group');
  }
  return {
    staffId: String(payload.sub),
    name: String(payload.name ?? payload.email ?? payload.sub),
    email: String(payload.email ?? ''),
  };
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Every staff route goes through this: pages read the session cookie, the JSON API reads a bearer
 * token, and nothing else gets in. Page posts must also carry the form token that matches the
 * CSRF cookie, which another site can neither read nor set.
 */
export async function requireStaff(kind: 'page' | 'json', event: HttpEvent): Promise<void> {
  const staffEvent = event as StaffEvent;
  const token =
    kind === 'json' ? /^Bearer (.+)$/u.exec(header(event, 'authorization') ?? '')?.[1] : cookie(event, STAFF_SESSION_COOKIE);
  if (!token) throw new SignInRequiredError();
  staffEvent.staff = await verifyStaffToken(token);
  if (kind !== 'page') return;
  staffEvent.csrfToken = cookie(event, CSRF_COOKIE) ?? '';
  if (event.requestContext.http.method === 'GET') return;
  const posted = (event.parsedBody as Record<string, unknown> | undefined)?.csrfToken;
  if (typeof posted !== 'string' || !sameToken(posted, staffEvent.csrfToken)) {
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

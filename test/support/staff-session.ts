import { randomBytes } from 'node:crypto';
import { localStaff, type RunningPlatform } from '@pip/local';
import type { StaffProfile } from '@pip/domain';

/** A signed-in staff member's browser: the session and CSRF cookies a sign-in sets. */
export function staffSession(platform: RunningPlatform, staff: StaffProfile = localStaff[0]!) {
  const csrfToken = randomBytes(16).toString('base64url');
  const idToken = platform.staffIdentity.issueIdToken(staff);
  const cookie = `pip_staff=${idToken}; pip_csrf=${csrfToken}`;
  const base = platform.url.replace('localhost', '127.0.0.1');
  return {
    staff,
    idToken,
    csrfToken,
    get: (path: string) => fetch(`${base}${path}`, { headers: { cookie }, redirect: 'manual' }),
    /** `headers`: more of them, as a measurement's tally id. */
    post: (path: string, fields: Record<string, string | string[]>, options: { csrf?: boolean; headers?: Record<string, string> } = {}) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
      if (options.csrf !== false) body.set('csrfToken', csrfToken);
      return fetch(`${base}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
        body: body.toString(),
        redirect: 'manual',
      });
    },
  };
}

export type StaffSession = ReturnType<typeof staffSession>;

/** Reviews one council and one voluntary sector applicant, then approves the two of them as leads: the shortest approved selection. */
export async function approvePair(session: StaffSession, areaId: string, council: { applicationId: string }, voluntary: { applicationId: string }): Promise<Response> {
  for (const person of [council, voluntary]) {
    await session.post(`/staff/areas/${areaId}/applications/${person.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '4', commitment: '4' });
  }
  return session.post(`/staff/areas/${areaId}/selection`, {
    version: '0',
    action: 'approve',
    // As the confirmation page posts it: the first click alone only asks to confirm.
    confirmed: 'yes',
    'selected-local-authority': council.applicationId,
    'selected-voluntary-community': voluntary.applicationId,
    'lead-local-authority': council.applicationId,
    'lead-voluntary-community': voluntary.applicationId,
  });
}

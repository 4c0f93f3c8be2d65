import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceOf, routes } from '@pip/functions/routes';
import { LocalStaffIdentity, localStaff, type RunningPlatform } from '@pip/local';
import { startTestPlatform, storesOf } from '../support/platform';
import { staffSession } from '../support/staff-session';

let platform: RunningPlatform;
let base: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
});
afterAll(() => platform?.stop());

const concretePath = (path: string) => path.replace(/\{(\w+)\+?\}/gu, (_, name: string) => (name === 'areaId' ? 'leeds' : 'PIP-AAAA-BBBB'));
// Staff only is the default: every route the table marks neither public nor for the reference group
// (whose routes test/integration/reference-group-access.test.ts checks).
const staffRoutes = routes.filter((route) => audienceOf(route) === 'staff');

async function request(method: string, path: string, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    ...(method === 'POST' ? { body: 'csrfToken=x' } : {}),
    redirect: 'manual',
  });
}

describe('staff routes deny by default', () => {
  it('covers every route the table marks neither public nor for the reference group', () => {
    expect(staffRoutes.length).toBeGreaterThan(10);
    expect(staffRoutes.every((route) => route.path.startsWith('/staff') || route.path.startsWith('/api/staff'))).toBe(true);
  });

  it.each(staffRoutes.map((route) => [route.method, route.path] as const))('%s %s without a token: 401 or a redirect to sign in', async (method, path) => {
    const response = await request(method, concretePath(path));
    if (path.startsWith('/api/')) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Sign in as programme staff to use this' });
    } else {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/staff\/sign-in\?returnTo=/u);
    }
  });

  it('refuses a token signed by anyone but the staff user pool, and one outside the staff group', async () => {
    const impostor = LocalStaffIdentity.create('https://pip.localhost/local-staff').issueIdToken(localStaff[0]!);
    expect((await request('GET', '/staff', { cookie: `pip_staff=${impostor}` })).status).toBe(303);
    expect((await request('GET', '/api/staff/areas/leeds/applications', { authorization: `Bearer ${impostor}` })).status).toBe(401);
    const notStaff = platform.staffIdentity.issueIdToken(localStaff[0]!, ['applicants']);
    expect((await request('GET', '/api/staff/areas/leeds/applications', { authorization: `Bearer ${notStaff}` })).status).toBe(403);
    const expired = platform.staffIdentity.issueIdToken(localStaff[0]!, ['staff'], -60);
    expect((await request('GET', '/staff', { cookie: `pip_staff=${expired}` })).status).toBe(303);
  });

  it('lets a signed-in staff member in, pages by cookie and the API by bearer token only', async () => {
    const session = staffSession(platform);
    const overview = await session.get('/staff');
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('Signed in as Sam Rivers');
    const api = await fetch(`${base}/api/staff/areas/leeds/applications`, { headers: { authorization: `Bearer ${session.idToken}` } });
    expect(api.status).toBe(200);
    const apiByCookie = await fetch(`${base}/api/staff/areas/leeds/applications`, { headers: { cookie: `pip_staff=${session.idToken}` } });
    expect(apiByCookie.status).toBe(401);
  });

  it('refuses a staff form posted without the CSRF token, changing nothing', async () => {
    const session = staffSession(platform);
    const response = await session.post('/staff/areas/leeds/selection', { version: '0', action: 'save' }, { csrf: false });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('This form has expired');
    // Only what the demo set-up recorded when it added the area: no decision, and no selection stored.
    const stores = storesOf(platform);
    expect((await stores.audit.listForArea('leeds')).map((entry) => entry.action)).toEqual(['Area added']);
    expect(await stores.selections.get('leeds')).toBeUndefined();
    stores.documents.destroy();
  });

  it('signs in through the local sign-in page and back to where the staff member was going', async () => {
    const start = await fetch(`${base}/staff/sign-in?returnTo=${encodeURIComponent('/staff/areas/leeds')}`, { redirect: 'manual' });
    expect(start.headers.get('location')).toBe('/local/staff-sign-in?returnTo=%2Fstaff%2Fareas%2Fleeds');
    const signIn = await fetch(`${base}/local/staff-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'staffId=local-staff-priya&returnTo=%2Fstaff%2Fareas%2Fleeds',
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/staff/areas/leeds');
    const cookies = signIn.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('pip_staff='))).toMatch(/HttpOnly; SameSite=Lax/u);
    expect(cookies.find((c) => c.startsWith('pip_csrf='))).toMatch(/HttpOnly; SameSite=Strict/u);
    const jar = cookies.map((c) => c.split(';')[0]).join('; ');
    const page = await fetch(`${base}/staff/areas/leeds`, { headers: { cookie: jar } });
    expect(await page.text()).toContain('Signed in as Priya Shah');
    const offsite = await fetch(`${base}/local/staff-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'staffId=local-staff-priya&returnTo=https%3A%2F%2Fevil.example',
      redirect: 'manual',
    });
    expect(offsite.headers.get('location')).toBe('/staff');
  });
});

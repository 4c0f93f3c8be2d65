import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceOf, routes } from '@pip/functions/routes';
import { localReferenceGroup, localStaff, type RunningPlatform } from '@pip/local';
import { DynamoActionPlanStore, DynamoStaffStore, createDocumentClient } from '@pip/storage';
import { emailsTo } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession, type StaffSession } from '../support/staff-session';

/*
 * The reference group: signed in, read-only, published reports only. Two areas of one region with
 * named participants who evaluate the programme, one comment marked publishable and one not; the
 * group must reach only its own routes and never read a name, an address or the other comment.
 */
let platform: RunningPlatform;
let base: string;
let sam: StaffSession;
let morganToken: string;
const people: Applicant[] = [];
const AREAS = [
  ['ref-harbour', 'Harbourside'],
  ['ref-moor', 'Moorland Vale'],
] as const;
const PUBLISHED_COMMENT = 'Joint commissioning finally felt possible after workshop three.';
const UNPUBLISHED_COMMENT = 'Priya from the council was the reason our partnership board worked.';
const SHARED_OBJECTIVE = 'A joint funding panel for community anchor organisations';
const UNSHARED_OBJECTIVE = 'Harbourside compact refresh led by the council leader';

const referenceRoutes = routes.filter((route) => audienceOf(route) === 'reference-group');
const staffOnlyRoutes = routes.filter((route) => audienceOf(route) === 'staff');
const concretePath = (path: string) =>
  path.replace(/\{(\w+)\+?\}/gu, (_, name: string) => (name === 'areaId' ? 'ref-harbour' : name === 'regionId' ? 'south-west' : 'PIP-AAAA-BBBB'));

async function request(method: string, path: string, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    ...(method === 'POST' ? { body: 'csrfToken=x' } : {}),
    redirect: 'manual',
  });
}

const asMorgan = (path: string) => fetch(`${base}${path}`, { headers: { cookie: `pip_staff=${morganToken}` }, redirect: 'manual' });

async function answerEvaluation(person: Applicant, comments: string) {
  const email = (await emailsTo(person.email)).find((received) => received.subject.startsWith('How was the programme?'))!;
  const link = /\/evaluation\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(email.body.text ?? '')![0];
  const body = { materials: 'good', content: 'excellent', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'yes', comments };
  const response = await fetch(`${base}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  sam = staffSession(platform, localStaff[0]);
  const morgan = localReferenceGroup[0]!;
  morganToken = platform.staffIdentity.issueIdToken(morgan, ['reference-group']);
  const [{ platformPorts }, { openEvaluation }] = await Promise.all([import('@pip/functions/composition-root'), import('@pip/functions/use-cases/evaluation/open-evaluation')]);
  for (const [areaId, name] of AREAS) {
    await openArea(platform, areaId, name, 'south-west');
    const council = await apply(platform, areaId, `${areaId}-la`, { fullName: `Imogen ${name} Director` });
    const voluntary = await apply(platform, areaId, `${areaId}-vcs`, { fullName: `Oluwaseun ${name} Chief`, sector: 'voluntary-community', organisationKind: 'other' });
    people.push(council, voluntary);
    await closeRecruitment(platform, areaId);
    expect((await approvePair(sam, areaId, council, voluntary)).status).toBe(303);
    await openEvaluation(platformPorts(), areaId);
  }
  await answerEvaluation(people[0]!, PUBLISHED_COMMENT);
  await answerEvaluation(people[1]!, UNPUBLISHED_COMMENT);
  await answerEvaluation(people[2]!, '');
  // Staff mark only the first comment publishable.
  const staffReport = await (await sam.get('/staff/areas/ref-harbour/report')).text();
  const versionOf = /name="applicationId" value="([^"]+)"[\s\S]*?name="version" value="(\d+)"/gu;
  const forms = [...staffReport.matchAll(versionOf)].map((match) => ({ applicationId: match[1]!, version: match[2]! }));
  const author = forms.find((form) => form.applicationId === people[0]!.applicationId)!;
  expect((await sam.post('/staff/areas/ref-harbour/report/comments', { ...author, publishable: 'yes' })).status).toBe(303);
  // An agreed action plan: staff share one objective, not the other, and note progress naming a participant.
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  await new DynamoActionPlanStore(documents, platform.tableName).save({
    areaId: 'ref-harbour',
    objectives: [SHARED_OBJECTIVE, UNSHARED_OBJECTIVE].map((text, index) => ({ objectiveId: `objective-${index + 1}`, text })),
    agreedAt: new Date().toISOString(),
    agreedBy: 'Sam Rivers',
  });
  documents.destroy();
  const sharing = { version: '0', 'themes-objective-1': 'funding', 'share-objective-1': 'yes', 'themes-objective-2': 'governance' };
  expect((await sam.post('/staff/areas/ref-harbour/progress-reviews/sharing', sharing)).status).toBe(303);
  const review = { occasion: 'follow-up', 'status-objective-1': 'under-way', 'status-objective-2': 'done', 'note-objective-1': `${people[0]!.fullName} chairs the panel` };
  expect((await sam.post('/staff/areas/ref-harbour/progress-reviews', review)).status).toBe(303);
});
afterAll(() => platform?.stop());

describe('the reference group is refused everything not meant for it', () => {
  it('has its own routes, all under /reference, and every other signed-in route is staff only', () => {
    expect(referenceRoutes.length).toBeGreaterThanOrEqual(5);
    expect(referenceRoutes.every((route) => route.path === '/reference' || route.path.startsWith('/reference/'))).toBe(true);
    expect(staffOnlyRoutes.every((route) => route.path.startsWith('/staff') || route.path.startsWith('/api/staff'))).toBe(true);
  });

  it.each(staffOnlyRoutes.map((route) => [route.method, route.path] as const))('%s %s refuses a reference group token: 403', async (method, path) => {
    const headers: Record<string, string> = path.startsWith('/api/') ? { authorization: `Bearer ${morganToken}` } : { cookie: `pip_staff=${morganToken}; pip_csrf=x` };
    const response = await request(method, concretePath(path), headers);
    expect(response.status).toBe(403);
    if (path.startsWith('/api/')) {
      expect(await response.json()).toEqual({ message: 'You are signed in as a member of the reference group.' });
    } else {
      const page = await response.text();
      expect(page).toContain('This page is for the programme staff');
      expect(page).toContain('href="/reference"');
    }
  });

  it.each(referenceRoutes.map((route) => [route.method, route.path] as const))('%s %s without a token: a redirect to sign in', async (method, path) => {
    const response = await request(method, concretePath(path));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/staff/sign-in?returnTo=${encodeURIComponent(concretePath(path))}`);
  });

  it.each(referenceRoutes.map((route) => [route.method, route.path] as const))('%s %s refuses a token in neither group: 403', async (method, path) => {
    const stranger = platform.staffIdentity.issueIdToken(localStaff[1]!, ['applicants']);
    const response = await request(method, concretePath(path), { cookie: `pip_staff=${stranger}; pip_csrf=x` });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('This page is for the programme’s reference group');
  });
});

describe('what the reference group reads', () => {
  const readable = () => [
    '/reference',
    '/reference/reports',
    '/reference/reports.csv',
    '/reference/regions/south-west/report',
    '/reference/regions/south-west/report.csv',
    '/reference/library',
    '/reference/library.csv',
    '/reference/library?region=south-west&theme=funding',
    // Query strings that ask staff pages for more change nothing here.
    '/reference/reports?published=0',
  ];

  it('opens every page for a member of the group, and for staff (who see what the group sees)', async () => {
    for (const path of readable()) {
      expect((await asMorgan(path)).status, path).toBe(200);
      expect((await sam.get(path)).status, path).toBe(200);
    }
    const home = await (await asMorgan('/reference')).text();
    expect(home).toContain('Partnership Improvement Programme – reference group');
    expect(home).toContain('Signed in as Morgan Hale');
    expect(home).toContain('action="/reference/sign-out"');
    expect(home).toContain('href="/reference/regions/south-west/report"');
    expect(home).toContain('href="/reference/library"');
    expect(home).not.toContain('href="/staff');
  });

  it('names no participant, address or area, shows no unpublished comment, and offers no way to the staff version', async () => {
    const forbidden = [
      ...people.flatMap((person) => [person.fullName, person.email]),
      ...AREAS.map(([, name]) => name),
      UNPUBLISHED_COMMENT,
      'Priya',
      'Not answered yet',
      UNSHARED_OBJECTIVE,
      'chairs the panel',
    ];
    for (const path of readable()) {
      const body = await (await asMorgan(path)).text();
      for (const text of forbidden) expect(body, `${path} contains ${text}`).not.toContain(text);
      expect(body, path).not.toContain('/staff/');
    }
    const programme = await (await asMorgan('/reference/reports')).text();
    expect(programme).toContain(PUBLISHED_COMMENT);
    expect(programme).toContain('Area 1');
    expect(programme).not.toContain('Show area names');
    const region = await (await asMorgan('/reference/regions/south-west/report.csv')).text();
    expect(region).toContain(PUBLISHED_COMMENT);
    expect(region).toContain('"All: South West","4","3","75%"');
    // Three responses are too few to publish their ratings: each could be told apart. Staff still see them.
    expect(region).toContain('"All: South West","4","3","75%","withheld"');
    expect(programme).toContain('Ratings withheld: fewer than 5 responses');
    expect(await (await sam.get('/staff/regions/south-west/report.csv')).text()).not.toContain('withheld');
    const library = await (await asMorgan('/reference/library')).text();
    expect(library).toContain(SHARED_OBJECTIVE);
    expect(library).toContain('action="/reference/library"');
    expect(await (await asMorgan('/reference/library.csv')).text()).toContain(SHARED_OBJECTIVE);
  });

  it('shows the library again with what was wrong for a filter not on its lists', async () => {
    const response = await asMorgan('/reference/library?theme=gossip');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Signed in as Morgan Hale');
  });

  it('answers an unknown region with page not found', async () => {
    expect((await asMorgan('/reference/regions/atlantis/report')).status).toBe(404);
  });
});

describe('signing in and out as the reference group', () => {
  const signIn = (staffId: string, returnTo: string) =>
    fetch(`${base}/local/staff-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ staffId, returnTo }).toString(),
      redirect: 'manual',
    });

  it('lands a member on their home, or the reference page they were going to, never a staff page; and does not list them as staff', async () => {
    const morgan = localReferenceGroup[0]!.staffId;
    expect((await signIn(morgan, '/staff')).headers.get('location')).toBe('/reference');
    expect((await signIn(morgan, '/staff/areas/ref-harbour')).headers.get('location')).toBe('/reference');
    expect((await signIn(morgan, '/reference/reports')).headers.get('location')).toBe('/reference/reports');
    expect((await signIn(morgan, 'https://evil.example')).headers.get('location')).toBe('/reference');
    // Staff may follow a link to the group's pages.
    expect((await signIn(localStaff[1]!.staffId, '/reference/reports')).headers.get('location')).toBe('/reference/reports');
    const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
    const staffList = await new DynamoStaffStore(documents, platform.tableName).list();
    documents.destroy();
    expect(staffList.map((member) => member.name)).not.toContain('Morgan Hale');
  });

  it('signs out only with the form token, ending the session', async () => {
    const response = await signIn(localReferenceGroup[0]!.staffId, '/reference');
    const jar = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrfToken = decodeURIComponent(/pip_csrf=([^;]+)/u.exec(jar)![1]!);
    const post = (body: string) => fetch(`${base}/reference/sign-out`, { method: 'POST', headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
    expect((await post('csrfToken=forged')).status).toBe(403);
    const out = await post(`csrfToken=${encodeURIComponent(csrfToken)}`);
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().find((c) => c.startsWith('pip_staff='))).toMatch(/Max-Age=0/u);
  });
});

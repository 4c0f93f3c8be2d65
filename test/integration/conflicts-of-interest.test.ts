import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStaff, type RunningPlatform } from '@pip/local';
import { startTestPlatform } from '../support/platform';
import { apply, openArea, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';

/*
 * Conflicts of interest by rule, over HTTP: staff record their organisation and areas, the platform
 * refuses their reviews of applicants they are conflicted with, and counts only independent reviews.
 * The tests run in order: each picks up where the last left off.
 */
const AREA = 'conflicts-test';
let platform: RunningPlatform;
let sam: StaffSession;
let priya: StaffSession;
let tom: StaffSession;
let council: Applicant;
let otherCouncil: Applicant;
let voluntary: Applicant;

const scores = { roleFit: '4', partnershipExperience: '4', commitment: '4' };
const reviewBy = (session: StaffSession, applicant: Applicant) => session.post(`/staff/areas/${AREA}/applications/${applicant.applicationId}/reviews`, scores);
const applicationPage = async (session: StaffSession, applicant: Applicant) => (await session.get(`/staff/areas/${AREA}/applications/${applicant.applicationId}`)).text();

/** The text of each cell of an applicant's row on the area's page. */
async function areaRow(applicant: Applicant): Promise<string[]> {
  const page = await (await sam.get(`/staff/areas/${AREA}`)).text();
  const row = page.split('<tr').find((candidate) => candidate.includes(applicant.applicationId));
  if (!row) throw new Error(`No row for ${applicant.applicationId}`);
  return [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gu)].map((cell) => cell[1]!.replace(/<[^>]+>/gu, ' ').replace(/\s+/gu, ' ').trim());
}
const reviewsCell = async (applicant: Applicant) => (await areaRow(applicant))[5];

beforeAll(async () => {
  platform = await startTestPlatform();
  [sam, priya, tom] = localStaff.map((staff) => staffSession(platform, staff)) as [StaffSession, StaffSession, StaffSession];
  await openArea(platform, AREA, 'Conflict Town');
  council = await apply(platform, AREA, 'coi-council', { fullName: 'Council Officer', organisation: 'Conflict Town Council' });
  otherCouncil = await apply(platform, AREA, 'coi-other', { fullName: 'Other Officer', organisation: 'Conflict County Council' });
  voluntary = await apply(platform, AREA, 'coi-vcs', {
    fullName: 'Chief Officer',
    organisation: 'Conflict Town CVS',
    sector: 'voluntary-community',
    roleLevel: 'chief-executive-or-chief-officer',
    organisationKind: 'front-line-organisation',
  });
});
afterAll(() => platform?.stop());

describe('conflicts of interest by rule', () => {
  it('keeps what a member of staff records on their profile', async () => {
    const form = await (await sam.get('/staff/profile')).text();
    expect(form).toContain('You have not saved your profile yet.');
    expect(form).toContain('Conflict Town');
    const saved = await sam.post('/staff/profile', { organisation: 'The conflict town council.', note: '', version: '0' });
    expect(saved.status).toBe(303);
    const page = await (await sam.get(saved.headers.get('location')!)).text();
    expect(page).toContain('Your profile is saved.');
    expect(page).toContain('value="The conflict town council."');
    expect(page).toContain('Last changed');
  });

  it('refuses a review by staff of the applicant’s organisation, with the reason and no review form', async () => {
    const refused = await reviewBy(sam, council);
    expect(refused.status).toBe(409);
    const page = await refused.text();
    expect(page).toContain('You work at the same organisation as the applicant (Conflict Town Council).');
    expect(page).toContain('You cannot review this application because of a conflict of interest.');
    expect(page).not.toContain('Save your review');
    expect(await applicationPage(sam, council)).not.toContain('Save your review');
  });

  it('accepts the review of a colleague with no conflict', async () => {
    expect((await reviewBy(priya, council)).status).toBe(303);
    expect(await applicationPage(priya, council)).toContain('Mean score: <strong>4.00</strong> from 1 independent review.');
  });

  it('refuses a review by staff connected to the applicant’s area', async () => {
    const saved = await tom.post('/staff/profile', { organisation: 'NACVS', areaIds: [AREA], note: 'Trustee of a local charity', version: '0' });
    expect(saved.status).toBe(303);
    const refused = await reviewBy(tom, otherCouncil);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('You are connected to Conflict Town.');
  });

  it('refuses a save from a second tab over a profile changed since, saying so', async () => {
    const stale = await tom.post('/staff/profile', { organisation: 'ACRE', areaIds: [], note: '', version: '0' });
    expect(stale.status).toBe(409);
    const page = await stale.text();
    expect(page).toContain('Your profile was changed in another tab or window');
    expect(page).toContain('value="NACVS"');
  });

  it('records a declared conflict once, however often it is sent, and then refuses that reviewer', async () => {
    const declare = () => priya.post(`/staff/areas/${AREA}/applications/${voluntary.applicationId}/conflicts`, { reason: 'She is my cousin' });
    const [first, second] = await Promise.all([declare(), declare()]);
    expect([first.status, second.status]).toEqual([303, 303]);
    const refused = await reviewBy(priya, voluntary);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('You declared a conflict: She is my cousin.');
    const timeline = await (await sam.get(`/staff/areas/${AREA}/timeline`)).text();
    expect(timeline.match(/Conflict of interest declared/gu)).toHaveLength(1);
  });

  it('refuses a declaration without a reason, by field', async () => {
    const refused = await sam.post(`/staff/areas/${AREA}/applications/${voluntary.applicationId}/conflicts`, { reason: ' ' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Enter why you have a conflict of interest with this applicant');
  });

  it('shows each application’s independent reviews on the area page', async () => {
    expect((await reviewBy(sam, otherCouncil)).status).toBe(303);
    expect((await reviewBy(priya, otherCouncil)).status).toBe(303);
    expect((await reviewBy(sam, voluntary)).status).toBe(303);
    expect(await reviewsCell(council)).toBe('1');
    expect(await reviewsCell(otherCouncil)).toBe('2');
    expect(await reviewsCell(voluntary)).toBe('1');
    expect(await (await sam.get(`/staff/areas/${AREA}`)).text()).toContain('Review counts and mean scores are of independent reviews only');
  });

  it('warns on the selection page about each proposed applicant whose mean rests on a single review, and no other', async () => {
    const page = await (await sam.get(`/staff/areas/${AREA}/selection`)).text();
    const warnings = page.match(/govuk-warning-text__text[\s\S]*?<\/strong>/gu) ?? [];
    const resting = warnings.filter((warning) => warning.includes('rests on a single independent review'));
    expect(resting.map((warning) => /">([^<]+)<\/a>/u.exec(warning)?.[1]).sort()).toEqual(['Chief Officer', 'Council Officer']);
    expect(page).toContain('Mean scores count independent reviews only');
  });

  it('leaves out an earlier review once its reviewer records a connection, and marks it', async () => {
    const saved = await sam.post('/staff/profile', { organisation: 'The conflict town council.', areaIds: [AREA], note: '', version: '1' });
    expect(saved.status).toBe(303);
    expect(await reviewsCell(otherCouncil)).toBe('1 (1 left out)');
    expect(await reviewsCell(voluntary)).toBe('0 (1 left out)');
    const page = await applicationPage(priya, otherCouncil);
    expect(page).toContain('Not independent');
    expect(page).toContain('Left out of the mean: Sam Rivers is connected to Conflict Town.');
    const api = await fetch(`${platform.url.replace('localhost', '127.0.0.1')}/api/staff/areas/${AREA}/applications`, { headers: { authorization: `Bearer ${sam.idToken}` } });
    const { applications } = (await api.json()) as { applications: { applicationId: string; independentReviewCount: number; meanScore: number | null; reviews: { independent: boolean }[] }[] };
    const other = applications.find((application) => application.applicationId === otherCouncil.applicationId)!;
    expect(other.independentReviewCount).toBe(1);
    expect(other.reviews.map((review) => review.independent).sort()).toEqual([false, true]);
    expect(applications.find((application) => application.applicationId === voluntary.applicationId)?.meanScore).toBeNull();
  });
});

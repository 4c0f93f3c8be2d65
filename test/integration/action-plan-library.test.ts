import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPlatform } from '@pip/local';
import { DynamoActionPlanStore } from '@pip/storage';
import { startTestPlatform, storesOf } from '../support/platform';
import { apply, openArea, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';

/* The library of action plans: staff tag and share objectives; the library shows shared ones, anonymised, by theme and region, with their latest progress. */
const NORTH = 'library-millbrook';
const SOUTH = 'library-harbourton';
let platform: RunningPlatform;
let stores: ReturnType<typeof storesOf>;
let sam: StaffSession;
let applicants: Applicant[];

const text = async (response: Response) => (await response.text()).replace(/\s+/gu, ' ');
const csvRows = (body: string): string[][] =>
  body
    .replace(/^\uFEFF/u, '')
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/gu)].map((match) => match[1]!.replace(/""/gu, '"')));

async function agreePlan(areaId: string, objectives: string[]) {
  const plans = new DynamoActionPlanStore(stores.documents, platform.tableName);
  await plans.save({
    areaId,
    objectives: objectives.map((objective, index) => ({ objectiveId: `objective-${index + 1}`, text: objective })),
    agreedAt: new Date().toISOString(),
    agreedBy: 'Sam Rivers',
  });
}

const share = (areaId: string, fields: Record<string, string | string[]>) => sam.post(`/staff/areas/${areaId}/progress-reviews/sharing`, fields);
const library = async (query = '') => text(await sam.get(`/staff/library${query}`));
/** The rows of the page's tables: objective, region, progress, latest review. */
const pageRows = (page: string) =>
  [...page.matchAll(/<tr class="govuk-table__row"><td class="govuk-table__cell">(.*?)<\/td><td class="govuk-table__cell">(.*?)<\/td><td class="govuk-table__cell"><strong class="govuk-tag[^"]*">(.*?)<\/strong><\/td><td class="govuk-table__cell">(.*?)<\/td><\/tr>/gu)].map(
    (match) => match.slice(1, 5),
  );

beforeAll(async () => {
  platform = await startTestPlatform();
  stores = storesOf(platform);
  sam = staffSession(platform);
  await openArea(platform, NORTH, 'Millbrook Vale', 'yorkshire-and-the-humber');
  await openArea(platform, SOUTH, 'Harbourton', 'south-east');
  applicants = [await apply(platform, NORTH, 'lib-north', { fullName: 'Priya Lanternfield' }), await apply(platform, SOUTH, 'lib-south', { fullName: 'Gideon Wexmoor' })];
  await agreePlan(NORTH, ['A joint commissioning framework with full cost recovery', 'A compact refresh', 'Terms of reference for the strategic partnership']);
  await agreePlan(SOUTH, ['A volunteer passport scheme']);
});
afterAll(async () => {
  stores?.documents.destroy();
  await platform?.stop();
});

describe('the library of action plans', () => {
  it('holds nothing until staff share, and the progress reviews page says what sharing shows', async () => {
    expect(await library()).toContain('0 shared objectives');
    const page = await text(await sam.get(`/staff/areas/${NORTH}/progress-reviews`));
    expect(page).toContain('Shared objectives are shown without the area’s name: check the wording names nobody.');
    expect(page).toContain('name="themes-objective-1"');
    expect(page).toContain('name="version" value="0"');
  });

  it('refuses sharing without a theme, showing the answers again', async () => {
    const refused = await share(NORTH, { version: '0', 'share-objective-2': 'yes', 'themes-objective-1': 'funding' });
    expect(refused.status).toBe(400);
    const page = await text(refused);
    expect(page).toContain('Choose at least one theme for objective 2 to share it');
    expect(page).toMatch(/id="themes-objective-1-4" name="themes-objective-1" type="checkbox" value="funding" checked/u);
    expect(await library()).toContain('0 shared objectives');
  });

  it('shows only shared objectives, by theme, with the latest status from the reviews, and the CSV matches the page', async () => {
    expect((await share(NORTH, { version: '0', 'themes-objective-1': ['funding', 'governance'], 'share-objective-1': 'yes', 'themes-objective-2': 'relationships', 'themes-objective-3': 'governance', 'share-objective-3': 'yes' })).status).toBe(303);
    expect((await share(SOUTH, { version: '0', 'themes-objective-1': 'capacity', 'share-objective-1': 'yes' })).status).toBe(303);
    // Two reviews in the north: the follow-up review is the latest for objective 1.
    const statuses = (occasion: string, first: string) => ({ occasion, 'status-objective-1': first, 'status-objective-2': 'done', 'status-objective-3': 'not-started', 'note-objective-1': 'Priya Lanternfield leads it' });
    expect((await sam.post(`/staff/areas/${NORTH}/progress-reviews`, statuses('follow-up', 'done'))).status).toBe(303);
    expect((await sam.post(`/staff/areas/${NORTH}/progress-reviews`, statuses('session-1', 'under-way'))).status).toBe(303);

    const response = await sam.get('/staff/library');
    expect(response.status).toBe(200);
    const page = await text(response);
    expect(page).toContain('3 shared objectives');
    expect(page).not.toContain('A compact refresh');
    const rows = pageRows(page);
    expect(rows.filter(([objective]) => objective === 'A joint commissioning framework with full cost recovery')).toHaveLength(2);
    expect(rows).toContainEqual(['A volunteer passport scheme', 'South East', 'Not yet reviewed', 'None yet']);
    const [, region, status, reviewed] = rows.find(([objective]) => objective?.startsWith('A joint commissioning'))!;
    expect([region, status]).toEqual(['Yorkshire and the Humber', 'Done']);
    expect(reviewed).toMatch(/^Follow-up review, \d{1,2} \w+ \d{4}$/u);

    const csv = await sam.get('/staff/library.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...csvBody] = csvRows(await csv.text());
    expect(header).toEqual(['Theme', 'Region', 'Objective', 'Status', 'Reviewed at']);
    expect(csvBody.map(([, region2, objective, status2, reviewed2]) => [objective, region2, status2, reviewed2 || 'None yet'])).toEqual(rows);
    expect(csvBody.map(([theme]) => theme)).toEqual(['Capacity of partners', 'Governance', 'Governance', 'Funding mechanisms']);
  });

  it('filters by theme and by region, on the page and in the CSV', async () => {
    const funding = await library('?theme=funding');
    expect(pageRows(funding).map(([objective]) => objective)).toEqual(['A joint commissioning framework with full cost recovery']);
    expect(funding).toContain('href="/staff/library.csv?theme=funding"');
    const south = await library('?region=south-east');
    expect(pageRows(south).map(([objective]) => objective)).toEqual(['A volunteer passport scheme']);
    const southCsv = csvRows(await (await sam.get('/staff/library.csv?region=south-east')).text());
    expect(southCsv.slice(1).map((row) => row[2])).toEqual(['A volunteer passport scheme']);
    const refused = await sam.get('/staff/library?theme=gardening');
    expect(refused.status).toBe(400);
    expect(await text(refused)).toContain('Choose a theme from the list');
  });

  it('names no area, applicant or note anywhere on the page or in the CSV', async () => {
    const everything = `${await library()} ${await (await sam.get('/staff/library.csv')).text()} ${await library('?region=yorkshire-and-the-humber')}`;
    for (const secret of ['Millbrook', 'millbrook', 'Harbourton', 'harbourton', ...applicants.flatMap((applicant) => [applicant.fullName, applicant.email, applicant.applicationId]), 'Priya']) {
      expect(everything, secret).not.toContain(secret);
    }
  });

  it('shows the region’s shared objectives by theme at its learning and mentoring event, with a link to the library filtered to it', async () => {
    const page = await text(await sam.get('/staff/regions/yorkshire-and-the-humber/learning-event'));
    expect(page).toContain('shared 2 objectives');
    expect(page).toMatch(/Governance<\/td><td class="govuk-table__cell govuk-table__cell--numeric">2</u);
    expect(page).toMatch(/Funding mechanisms<\/td><td class="govuk-table__cell govuk-table__cell--numeric">1</u);
    expect(page).toContain('href="/staff/library?region=yorkshire-and-the-humber"');
  });

  it('refuses a change over someone else’s, and unsharing takes the objective out, each change a decision on the timeline', async () => {
    const stale = await share(SOUTH, { version: '0', 'themes-objective-1': 'capacity' });
    expect(stale.status).toBe(409);
    expect(await library()).toContain('A volunteer passport scheme');
    expect((await share(SOUTH, { version: '1', 'themes-objective-1': 'capacity' })).status).toBe(303);
    const after = await library();
    expect(after).not.toContain('A volunteer passport scheme');
    expect(after).toContain('2 shared objectives');
    const entries = (await stores.audit.listForArea(SOUTH)).filter((entry) => entry.action === 'Action plan sharing changed');
    expect(entries.map((entry) => entry.summary)).toEqual(['Objective 1 no longer shared.', 'Objective 1 shared in the library, themes Capacity of partners.']);
    expect(entries.every((entry) => (entry.kind ?? 'decision') === 'decision')).toBe(true);
    const timeline = await text(await sam.get(`/staff/areas/${SOUTH}/timeline?kind=decision`));
    expect(timeline).toContain('Action plan sharing changed');
  });
});

import { DAY } from '@pip/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHandler, localStaff, type RunningPlatform } from '@pip/local';
import { DynamoEvaluationStore, createDocumentClient } from '@pip/storage';
import { emailsTo, type ReceivedEmail } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { approvePair, staffSession, type StaffSession } from '../support/staff-session';

/* The evaluation survey of two areas of one region, and the reports made from it. */
let platform: RunningPlatform;
let base: string;
let sam: StaffSession;
const people: Record<string, Applicant[]> = {};

const linkOf = (email: ReceivedEmail) => /\/evaluation\/[\w-]{43}/u.exec(email.body.text ?? '')![0];
const evaluationLink = async (person: Applicant) => linkOf((await emailsTo(person.email)).find((email) => email.subject.startsWith('How was the programme?'))!);
const answers = (content: string, extra: Record<string, string> = {}) => ({
  materials: 'good',
  content,
  facilitation: 'excellent',
  knowledgeIncreased: 'yes',
  abilityIncreased: 'yes',
  metExpectations: 'yes',
  ...extra,
});
const post = (path: string, body: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });

async function responsesOf(areaId: string) {
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  const responses = await new DynamoEvaluationStore(documents, platform.tableName).responses(areaId);
  documents.destroy();
  return responses;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  sam = staffSession(platform, localStaff[0]);
  const [{ platformPorts }, { openEvaluation }] = await Promise.all([import('@pip/functions/composition-root'), import('@pip/functions/use-cases/evaluation/open-evaluation')]);
  for (const [areaId, name] of [['eval-north', 'Northtown'], ['eval-south', 'Southtown']] as const) {
    await openArea(platform, areaId, name, 'east-of-england');
    const council = await apply(platform, areaId, `${areaId}-la`, { fullName: `${name} Council Officer` });
    const voluntary = await apply(platform, areaId, `${areaId}-vcs`, { fullName: `${name} Chief Officer`, sector: 'voluntary-community', organisationKind: 'other' });
    people[areaId] = [council, voluntary];
    await closeRecruitment(platform, areaId);
    expect((await approvePair(sam, areaId, council, voluntary)).status).toBe(303);
    await openEvaluation(platformPorts(), areaId);
    await openEvaluation(platformPorts(), areaId);
  }
}, 60_000);
afterAll(async () => {
  delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
  await platform?.stop();
});

describe('the evaluation survey', () => {
  it('sends every participant one personal link and shows field errors for missing answers', async () => {
    for (const person of people['eval-north']!) {
      expect((await emailsTo(person.email)).filter((email) => email.subject.startsWith('How was the programme?'))).toHaveLength(1);
    }
    const response = await post(await evaluationLink(people['eval-north']![0]!), { materials: 'good' });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Rate the content');
    expect(page).toContain('Say whether the programme met your expectations');
    expect(await responsesOf('eval-north')).toEqual([]);
  });

  it('keeps one response per participant however many submissions arrive at once, the last one standing', async () => {
    const link = await evaluationLink(people['eval-north']![0]!);
    const ratings = ['poor', 'fair', 'good', 'excellent'];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => post(link, answers(ratings[i % 4]!))));
    expect(results.every((result) => result.status === 200)).toBe(true);
    const responses = await responsesOf('eval-north');
    expect(responses).toHaveLength(1);
    expect(responses[0]!.version).toBe(12);
    expect(await post(link, answers('excellent', { comments: 'The second workshop changed how we commission.' }))).toHaveProperty('status', 200);
    expect((await responsesOf('eval-north'))[0]!.answers.comments).toBe('The second workshop changed how we commission.');
  });

  it('reminds only those who have not answered', async () => {
    await post(await evaluationLink(people['eval-south']![0]!), answers('good'));
    await post(await evaluationLink(people['eval-south']![1]!), answers('fair', { facilitation: 'poor' }));
    process.env.PIP_LOCAL_CLOCK_OFFSET_MS = String(15 * DAY);
    await (await loadHandler<() => Promise<unknown>>('deliver-emails'))();
    const reminded = async (person: Applicant) => (await emailsTo(person.email)).some((email) => email.subject.startsWith('Reminder: please evaluate'));
    expect(await reminded(people['eval-north']![1]!)).toBe(true);
    expect(await reminded(people['eval-north']![0]!)).toBe(false);
    expect(await reminded(people['eval-south']![0]!)).toBe(false);
  });

  it('reports each area, the region and the programme, with a chart a screen reader can read', async () => {
    const region = await (await sam.get('/staff/regions/east-of-england/report')).text();
    expect(region).toContain('Response rate: <strong>75%</strong> (3 of 4 participants)');
    expect(region).toContain('<strong>67%</strong> rated the content good or excellent');
    expect(region).toContain('<strong>67%</strong> rated the facilitation good or excellent');
    expect(region).toMatch(/<svg class="pip-chart" role="img" aria-labelledby="overall-title overall-desc"/u);
    expect(region).toContain('<desc id="overall-desc">Programme materials: 100% rated good or excellent. Content: 67% rated good or excellent. Facilitation: 67% rated good or excellent.</desc>');
    expect(region).toContain('Northtown');
    const area = await (await sam.get('/staff/areas/eval-south/report')).text();
    expect(area).toContain('Response rate: <strong>100%</strong> (2 of 2 participants)');
    expect((await sam.get('/staff/reports')).status).toBe(200);
  });

  it('names no area in the version for publication, on the page or in the CSV', async () => {
    const published = await (await sam.get('/staff/regions/east-of-england/report?published=1')).text();
    expect(published).not.toContain('Northtown');
    expect(published).not.toContain('Southtown');
    expect(published).toContain('Area 1');
    expect(published).toContain('Area 2');
    const csv = await (await sam.get('/staff/regions/east-of-england/report.csv?published=1')).text();
    expect(csv).not.toMatch(/Northtown|Southtown/u);
    expect(csv.split('\r\n')[0]).toContain('"Response rate"');
    expect(csv).toContain('"All: East of England","4","3","75%"');
    const named = await (await sam.get('/staff/regions/east-of-england/report.csv')).text();
    expect(named).toContain('"Northtown","2","1","50%"');
  });

  it('takes no answers once the evaluation is closed, and changes nothing', async () => {
    const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
    await new DynamoEvaluationStore(documents, platform.tableName).close('eval-north', new Date().toISOString());
    documents.destroy();
    const before = await responsesOf('eval-north');
    const late = await post(await evaluationLink(people['eval-north']![1]!), answers('excellent'));
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('The evaluation of Northtown has closed');
    expect(await responsesOf('eval-north')).toEqual(before);
  });

  it('shows staff who has not answered and what participants wrote, and leaves both out of the published version', async () => {
    const comment = 'The second workshop changed how we commission.';
    const area = await (await sam.get('/staff/areas/eval-north/report')).text();
    expect(area).toContain('Not answered yet');
    expect(area).toContain('Northtown Chief Officer');
    expect(area).toContain(comment);
    const csv = await (await sam.get('/staff/areas/eval-north/report.csv')).text();
    expect(csv).toContain(comment);
    expect(csv).toContain('Northtown Chief Officer');
    const published = await (await sam.get('/staff/areas/eval-north/report?published=1')).text();
    expect(published).not.toContain(comment);
    expect(published).not.toContain('Northtown Chief Officer');
    expect(await (await sam.get('/staff/areas/eval-north/report.csv?published=1')).text()).not.toContain(comment);
  });
});

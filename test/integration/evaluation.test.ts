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

const linkOf = (email: ReceivedEmail) => /\/evaluation\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec(email.body.text ?? '')![0];
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
const roundIn = (page: string) => /name="round" value="([\w-]+)"/u.exec(page)![1]!;
const auditOf = async (areaId: string) => (await (await sam.get(`/staff/areas/${areaId}/timeline`)).text()).replace(/\s+/gu, ' ');
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
  // A group of three in another region, for reminders: one answers, one does not, one withdraws.
  await openArea(platform, 'eval-reminders', 'Remindton', 'london');
  const trio = [
    await apply(platform, 'eval-reminders', 'rem-la-1', { fullName: 'Ada Answered' }),
    await apply(platform, 'eval-reminders', 'rem-vcs', { fullName: 'Ben Silent', sector: 'voluntary-community', organisationKind: 'other' }),
    await apply(platform, 'eval-reminders', 'rem-la-2', { fullName: 'Cai Withdrawn' }),
  ];
  people['eval-reminders'] = trio;
  await closeRecruitment(platform, 'eval-reminders');
  for (const person of trio) {
    await sam.post(`/staff/areas/eval-reminders/applications/${person.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '4', commitment: '4' });
  }
  const approved = await sam.post('/staff/areas/eval-reminders/selection', {
    version: '0',
    action: 'approve',
    confirmed: 'yes',
    'selected-local-authority': [trio[0]!.applicationId, trio[2]!.applicationId],
    'selected-voluntary-community': trio[1]!.applicationId,
    'lead-local-authority': trio[0]!.applicationId,
    'lead-voluntary-community': trio[1]!.applicationId,
  });
  expect(approved.status).toBe(303);
});
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

  it('reminds, after a page naming them, only those in the group who have not answered, once however often it is confirmed', async () => {
    const [{ platformPorts }, { openEvaluation }] = await Promise.all([import('@pip/functions/composition-root'), import('@pip/functions/use-cases/evaluation/open-evaluation')]);
    await openEvaluation(platformPorts(), 'eval-reminders');
    const [ada, ben, cai] = people['eval-reminders']!;
    expect((await sam.post('/staff/areas/eval-reminders/selection/withdrawals', { applicationId: cai!.applicationId })).status).toBe(303);
    expect((await post(await evaluationLink(ada!), answers('good'))).status).toBe(200);
    const report = await (await sam.get('/staff/areas/eval-reminders/report')).text();
    expect(report).toContain('No reminder sent yet.');
    expect(report).toContain('Send a reminder to those who have not answered');

    const asked = await sam.post('/staff/areas/eval-reminders/report/reminders', {});
    expect(asked.status).toBe(200);
    const question = await asked.text();
    expect(question).toContain('Send a reminder to this person?');
    expect(question).toContain('<li>Ben Silent</li>');
    expect(question).not.toContain('Ada Answered');
    expect(question).not.toContain('Cai Withdrawn');
    const confirmed = { round: roundIn(question), confirmed: 'yes' };
    const clicks = await Promise.all([1, 2, 3].map(() => sam.post('/staff/areas/eval-reminders/report/reminders', confirmed)));
    expect(clicks.map((click) => click.status)).toEqual([303, 303, 303]);

    const reminders = async (person: Applicant) => (await emailsTo(person.email)).filter((email) => email.subject === 'Reminder: please evaluate the programme, Remindton');
    expect(await reminders(ben!)).toHaveLength(1);
    expect(await reminders(ada!)).toHaveLength(0);
    expect(await reminders(cai!)).toHaveLength(0);
    expect((await fetch(`${base}${linkOf((await reminders(ben!))[0]!)}`)).status).toBe(200);
    const audit = await auditOf('eval-reminders');
    expect(audit.match(/Reminder sent: evaluation/gu)).toHaveLength(1);
    expect(audit).toContain('Reminded 1 person: Ben Silent.');
    expect(await (await sam.get('/staff/areas/eval-reminders/report')).text()).toMatch(/Last reminded on \d+ \w+ \d{4} at [\d:]+[ap]m by Sam Rivers: Ben Silent\./u);

    expect((await post(linkOf((await reminders(ben!))[0]!), answers('fair'))).status).toBe(200);
    const nobody = await sam.post('/staff/areas/eval-reminders/report/reminders', {});
    expect(nobody.status).toBe(409);
    expect(await nobody.text()).toContain('Everyone in the group has answered, so there is nobody to remind.');
    expect(await (await sam.get('/staff/areas/eval-reminders/report')).text()).not.toContain('Send a reminder to');
  });

  it('publishes a comment, without a name, only once staff mark it publishable, and stops when they withdraw it', async () => {
    const comment = 'The second workshop changed how we commission.';
    const author = people['eval-north']![0]!;
    const published = async () => [
      await (await sam.get('/staff/regions/east-of-england/report?published=1')).text(),
      await (await sam.get('/staff/areas/eval-north/report?published=1')).text(),
      await (await sam.get('/staff/reports?published=1')).text(),
      await (await sam.get('/staff/regions/east-of-england/report.csv?published=1')).text(),
      await (await sam.get('/staff/regions/east-of-england/report')).text(),
    ];
    for (const report of await published()) expect(report).not.toContain(comment);
    const staffReport = await (await sam.get('/staff/areas/eval-north/report')).text();
    expect(staffReport).toContain('Mark as publishable');
    const version = /name="version" value="(\d+)"/u.exec(staffReport)![1]!;
    const choice = { applicationId: author.applicationId, version, publishable: 'yes' };

    expect((await sam.post('/staff/areas/eval-north/report/comments', choice, { csrf: false })).status).toBe(403);
    expect((await sam.post('/staff/areas/eval-north/report/comments', choice)).status).toBe(303);
    const stale = await sam.post('/staff/areas/eval-north/report/comments', { ...choice, publishable: 'no' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('The comment changed since the page was shown');

    for (const report of await published()) {
      expect(report).toContain(comment);
      expect(report).not.toContain(author.fullName);
    }
    expect(await (await sam.get('/staff/regions/east-of-england/report?published=1')).text()).not.toContain('Northtown');
    const marked = await (await sam.get('/staff/areas/eval-north/report')).text();
    expect(marked).toContain('Withdraw from publication');
    expect(await (await sam.get('/staff/areas/eval-north/report.csv')).text()).toContain(`"Comment","${comment}","Publishable"`);
    expect(await auditOf('eval-north')).toContain('Evaluation comment marked publishable');

    const newVersion = /name="version" value="(\d+)"/u.exec(marked)![1]!;
    expect((await sam.post('/staff/areas/eval-north/report/comments', { ...choice, version: newVersion, publishable: 'no' })).status).toBe(303);
    for (const report of await published()) expect(report).not.toContain(comment);
    expect(await auditOf('eval-north')).toContain('Evaluation comment withdrawn from publication');
  });
});

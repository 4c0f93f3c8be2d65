import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '@pip/local';
import { goodForm } from '../support/application-answers';
import { emailsTo, type ReceivedEmail } from '../support/inbox';
import { startTestPlatform, uniqueEmail } from '../support/platform';
import { closeRecruitment, openArea } from '../support/programme-data';
import { staffSession } from '../support/staff-session';

const AREA = 'nomination-test';
let platform: RunningPlatform;
let base: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  await openArea(platform, AREA, 'Nomination Test');
  await openArea(platform, 'closed-area', 'Closed Area');
  await closeRecruitment(platform, 'closed-area');
});
afterAll(() => platform?.stop());

const post = (path: string, form: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

function nomination(candidateEmail: string, nominatorEmail: string, overrides: Record<string, string> = {}) {
  return {
    body: 'acre',
    nominatorName: 'Nadia Nominator',
    nominatorEmail,
    candidateName: 'Cara Candidate',
    candidateEmail,
    candidateOrganisation: 'Rural Action Yorkshire',
    candidateJobTitle: 'Chief Officer',
    reason: 'She brought the rural network and the county council together on transport.',
    ...overrides,
  };
}

function applyLink(email: ReceivedEmail): string {
  const match = /\/apply\/[\w-]+\?nomination=[A-Za-z0-9_-]{43}/u.exec(email.body.text ?? '');
  if (!match) throw new Error('No application link in the invitation');
  return match[0];
}

describe('nominating a candidate', () => {
  it('shows every problem with a nomination beside its field, in form order', async () => {
    const response = await post(`/nominate/${AREA}`, { body: 'changeup-consortium', candidateEmail: 'not-an-email' });
    expect(response.status).toBe(400);
    const page = await response.text();
    const messages = [...page.matchAll(/<li><a href="#(\w+)">/gu)].map((match) => match[1]);
    expect(messages).toEqual(['consortiumName', 'nominatorName', 'nominatorEmail', 'candidateName', 'candidateEmail', 'candidateOrganisation', 'reason']);
    expect(page).toContain('Enter the name of the local ChangeUp consortium');
    expect(page).toContain('value="changeup-consortium" checked');
  });

  it('emails the candidate a prefilled application link and the nominator a confirmation, once each however often it is sent', async () => {
    const candidate = uniqueEmail('candidate');
    const nominator = uniqueEmail('nominator');
    const answers = await Promise.all([post(`/nominate/${AREA}`, nomination(candidate, nominator)), post(`/nominate/${AREA}`, nomination(candidate, nominator))]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await answers[0]!.text()).toContain('Nomination sent');
    await expect.poll(async () => (await emailsTo(candidate)).length, { timeout: 5000 }).toBe(1);
    expect(await emailsTo(nominator)).toHaveLength(1);
    const [invitation] = await emailsTo(candidate);
    expect(invitation!.subject).toBe('You have been nominated: Partnership Improvement Programme, Nomination Test');
    expect(invitation!.body.text).toContain('Nadia Nominator of ACRE has nominated you');
  });

  it('turns the link into a prefilled application that shows who nominated it to staff', async () => {
    const candidate = uniqueEmail('prefilled');
    await post(`/nominate/${AREA}`, nomination(candidate, uniqueEmail('nominator'), { body: 'changeup-consortium', consortiumName: 'Calderdale ChangeUp' }));
    await expect.poll(async () => (await emailsTo(candidate)).length, { timeout: 5000 }).toBe(1);
    const link = applyLink((await emailsTo(candidate))[0]!);
    const form = await (await fetch(`${base}${link}`)).text();
    expect(form).toContain('Nadia Nominator of Calderdale ChangeUp nominated you');
    expect(form).toContain(`value="${candidate}"`);
    expect(form).toContain('value="Rural Action Yorkshire"');
    expect(form).toContain('value="voluntary-community" checked');
    const token = /name="nomination" value="([^"]+)"/u.exec(form)![1]!;

    const answers = goodForm(candidate, { fullName: 'Cara Candidate', sector: 'voluntary-community', organisationKind: 'infrastructure-body', nomination: token });
    const applied = await fetch(`${base}/apply/${AREA}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: answers.toString() });
    expect(applied.status).toBe(200);
    const reference = /<strong>(PIP-[A-Z0-9-]+)<\/strong>/u.exec(await applied.text())![1]!;

    const staff = staffSession(platform);
    const detail = await (await staff.get(`/staff/areas/${AREA}/applications/${reference}`)).text();
    expect(detail).toContain('Nominated by Nadia Nominator');
    expect(detail).toContain('of Calderdale ChangeUp');
    expect(detail).toContain('They said: She brought the rural network');
    const list = await (await staff.get(`/staff/areas/${AREA}?flag=nominated`)).text();
    expect(list).toContain(reference);
  });

  it('says so when a nomination link is altered, and the application then carries no nomination', async () => {
    const candidate = uniqueEmail('tampered');
    await post(`/nominate/${AREA}`, nomination(candidate, uniqueEmail('nominator')));
    await expect.poll(async () => (await emailsTo(candidate)).length, { timeout: 5000 }).toBe(1);
    const link = applyLink((await emailsTo(candidate))[0]!);
    const altered = `${link.slice(0, -2)}${link.endsWith('AA') ? 'BB' : 'AA'}`;
    const page = await (await fetch(`${base}${altered}`)).text();
    expect(page).toContain('The nomination link you followed has expired or is not complete');
    expect(page).not.toContain(candidate);
    expect(page).not.toContain('name="nomination"');
  });

  it('refuses nominations once applications have closed', async () => {
    const response = await post('/nominate/closed-area', nomination(uniqueEmail('late'), uniqueEmail('nominator')));
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Applications for Closed Area have closed');
  });
});

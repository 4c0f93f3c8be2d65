import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Area } from '@pip/domain';
import { goodAnswers, goodForm } from '../support/application-answers';
import { emailsTo, type ReceivedEmail } from '../support/inbox';
import { platformOfThisFile, uniqueEmail, type FilePlatform } from '../support/platform';

let stores: FilePlatform['stores'];
let base: string;

platformOfThisFile((started) => ({ stores, base } = started));

const postJson = (path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const postForm = (path: string, form: URLSearchParams) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });

/** The personal link an email carries to the applicant's own application, as a path on this platform. */
function applicationLinkIn(email: ReceivedEmail): string {
  const match = /https?:\/\/[^/\s]+(\/application\/[\w-]{43}(?:\.[\w-]+){0,2})/u.exec(email.body.text ?? '');
  expect(match, `a link to the application in "${email.subject}"`).not.toBeNull();
  return match![1]!;
}

const subjects = async (address: string) => (await emailsTo(address)).map((message) => message.subject);

describe('a second application for an address that has applied', () => {
  it('changes nothing and emails the owner a link, never the stranger\'s answers, through the API', async () => {
    const email = uniqueEmail('owner');
    expect((await postJson('/api/areas/leeds/applications', goodAnswers(email))).status).toBe(201);
    const before = await stores.applications.findByApplicant('leeds', email);

    const stranger = await postJson('/api/areas/leeds/applications', goodAnswers(email.toUpperCase(), { fullName: 'Mallory Stranger', jobTitle: 'Impostor' }));
    expect(stranger.status).toBe(202);
    const body = await stranger.text();
    expect(JSON.parse(body)).toEqual({ outcome: 'link-sent', message: 'We have emailed you a link to change your application.' });
    expect(body).not.toContain(before!.applicationId);

    expect(await stores.applications.findByApplicant('leeds', email)).toEqual(before);
    // The receipt leaves from the table's stream and the link from the request, so they may arrive in either order.
    const emails = (await emailsTo(email)).sort((a, b) => a.subject.localeCompare(b.subject));
    expect(emails.map((message) => message.subject)).toEqual([
      `Application received: Partnership Improvement Programme, Leeds (${before!.applicationId})`,
      'Someone tried to apply again with your email address: Partnership Improvement Programme, Leeds',
    ]);
    for (const message of emails) {
      expect(`${message.body.text}${message.body.html}`).not.toMatch(/Mallory|Impostor/u);
    }
    expect(emails[1]!.body.text).toContain('Dear Amira Okafor,');
    expect(emails[1]!.body.text).toContain('We have not changed your application.');
  });

  it('says on the form\'s last step that a link was emailed, and shows none of the stored answers', async () => {
    const email = uniqueEmail('owner-form');
    await postJson('/api/areas/leeds/applications', goodAnswers(email, { organisation: 'Kirkstall Forum' }));
    const before = await stores.applications.findByApplicant('leeds', email);

    const response = await postForm('/apply/leeds/send', goodForm(email, { fullName: 'Mallory Stranger' }));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('We have emailed you a link to change your application');
    expect(page).not.toContain('Kirkstall Forum');
    expect(page).not.toContain(before!.applicationId);
    expect(await stores.applications.findByApplicant('leeds', email)).toEqual(before);
    expect((await subjects(email)).filter((subject) => subject.startsWith('Application updated'))).toEqual([]);
  });
});

describe('the applicant\'s own link', () => {
  it('shows what they sent and, while applications are open, changes it after checking the answers', async () => {
    const email = uniqueEmail('own-link');
    await postJson('/api/areas/leeds/applications', goodAnswers(email));
    const stored = await stores.applications.findByApplicant('leeds', email);
    const link = applicationLinkIn((await emailsTo(email))[0]!);

    const view = await fetch(`${base}${link}`);
    expect(view.status).toBe(200);
    const viewPage = await view.text();
    expect(viewPage).toContain('<h1 class="govuk-heading-l">Your application</h1>');
    expect(viewPage).toContain(stored!.applicationId);
    expect(viewPage).toContain('<dd class="govuk-summary-list__value">Assistant Chief Executive</dd>');
    expect(viewPage).toContain(`href="${link}/change#jobTitle"`);

    const form = await (await fetch(`${base}${link}/change`)).text();
    expect(form).toContain('value="Assistant Chief Executive"');

    const changed = goodForm('someone.else@example.org', { jobTitle: 'Director of Partnerships' });
    const check = await postForm(`${link}/change`, changed);
    expect(check.status).toBe(200);
    const checkPage = await check.text();
    expect(checkPage).toContain('Check your answers');
    expect(checkPage).toContain('<dd class="govuk-summary-list__value">Director of Partnerships</dd>');
    expect(await stores.applications.findByApplicant('leeds', email)).toEqual(stored);

    const sent = await postForm(`${link}/send`, changed);
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Application updated');
    const updated = await stores.applications.findByApplicant('leeds', email);
    expect(updated).toMatchObject({ applicationId: stored!.applicationId, version: 2, answers: { email, jobTitle: 'Director of Partnerships' } });
    expect(await stores.applications.findByApplicant('leeds', 'someone.else@example.org')).toBeUndefined();

    const emails = await emailsTo(email);
    expect(emails.map((message) => message.subject)).toEqual([
      `Application received: Partnership Improvement Programme, Leeds (${stored!.applicationId})`,
      `Application updated: Partnership Improvement Programme, Leeds (${stored!.applicationId})`,
    ]);
    expect(emails[1]!.body.text).not.toContain('Director of Partnerships');
    expect(applicationLinkIn(emails[1]!)).toBe(link);
  });

  it('refuses a token that is not whole or not known, changing nothing', async () => {
    expect((await fetch(`${base}/application/not-a-token`)).status).toBe(404);
    const unknown = `/application/${'A'.repeat(43)}`;
    expect((await fetch(`${base}${unknown}`)).status).toBe(404);
    expect((await postForm(`${unknown}/send`, goodForm(uniqueEmail('nobody')))).status).toBe(404);
  });

  it('shows the answers read-only once applications have closed, and refuses a change', async () => {
    const areaId = `closing-${randomUUID().slice(0, 8)}`;
    const area: Area = { areaId, name: 'Closing Soon', regionId: 'north-east', recruitment: { opensAt: '2020-01-01T00:00:00Z', closesAt: new Date(Date.now() + 3_600_000).toISOString() } };
    const added = { areaId, entryId: randomUUID(), at: new Date().toISOString(), actor: { name: 'Test' }, action: 'Area added', summary: 'Added.' };
    await stores.areas.add(area, added);
    const email = uniqueEmail('closing');
    expect((await postJson(`/api/areas/${area.areaId}/applications`, goodAnswers(email))).status).toBe(201);
    const link = applicationLinkIn((await emailsTo(email))[0]!);
    // Closed now, as staff would close it, rather than waiting for a close a few seconds ahead (which a busy machine can overtake).
    const closed = { opensAt: area.recruitment.opensAt, closesAt: new Date(Date.now() - 1000).toISOString() };
    expect(await stores.areas.changeWindow(areaId, area.recruitment, closed, { ...added, entryId: randomUUID(), action: 'Window changed' })).toBe(true);

    const page = await (await fetch(`${base}${link}`)).text();
    expect(page).toContain('Applications for Closing Soon have closed');
    expect(page).toContain('<dd class="govuk-summary-list__value">Assistant Chief Executive</dd>');
    expect(page).not.toContain(`${link}/change`);
    const refused = await postForm(`${link}/send`, goodForm(email, { jobTitle: 'Too late' }));
    expect(refused.status).toBe(409);
    expect((await stores.applications.findByApplicant(area.areaId, email))?.answers.jobTitle).toBe('Assistant Chief Executive');
  });
});

describe('the daily limit on emails from public forms', () => {
  const limitMessage = 'We have already sent 3 emails to this address today. Try again tomorrow.';

  it('sends at most three emails a day to one address, and then says so on the email field, storing and sending nothing', async () => {
    const email = uniqueEmail('limit');
    expect((await postJson('/api/areas/leeds/applications', goodAnswers(email))).status).toBe(201);
    for (const jobTitle of ['Second try', 'Third try']) {
      expect((await postJson('/api/areas/leeds/applications', goodAnswers(email, { jobTitle }))).status).toBe(202);
    }
    const stored = await stores.applications.findByApplicant('leeds', email);

    const api = await postJson('/api/areas/leeds/applications', goodAnswers(email, { jobTitle: 'Fourth try' }));
    expect(api.status).toBe(429);
    expect(await api.json()).toEqual({ message: limitMessage, errors: [{ path: 'email', message: limitMessage }] });

    const form = await postForm('/apply/leeds/send', goodForm(email, { jobTitle: 'Fifth try' }));
    expect(form.status).toBe(429);
    const page = await form.text();
    expect(page).toContain(`<a href="#email">${limitMessage}</a>`);
    expect(page).toContain(`<span class="govuk-visually-hidden">Error:</span> ${limitMessage}`);

    // Another area is no way round it: the limit is the address's, not the application's.
    const elsewhere = await postJson('/api/areas/northumberland/applications', goodAnswers(email));
    expect(elsewhere.status).toBe(429);
    expect(await stores.applications.findByApplicant('northumberland', email)).toBeUndefined();
    expect(await stores.applications.findByApplicant('leeds', email)).toEqual(stored);
    expect(await emailsTo(email)).toHaveLength(3);
  });
});

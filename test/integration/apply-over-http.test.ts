import { describe, expect, it } from 'vitest';
import { goodAnswers, goodForm } from '../support/application-answers';
import { emailsTo } from '../support/inbox';
import { platformOfThisFile, uniqueEmail, type FilePlatform } from '../support/platform';

let stores: FilePlatform['stores'];
let base: string;

platformOfThisFile((started) => ({ stores, base } = started));

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const postForm = (path: string, form: URLSearchParams) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });

async function storedApplications(areaId = 'leeds') {
  return stores.applications.listForArea(areaId);
}

describe('the local platform', () => {
  it('answers its health check once the table and the email service answer', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('lists areas open for applications by region, and links to each form', async () => {
    const page = await (await fetch(`${base}/apply`)).text();
    expect(page).toContain('<h3 class="govuk-heading-s">North East</h3>');
    expect(page).toContain('href="/apply/northumberland"');
    expect(page).toContain('href="/apply/leeds"');
    expect(page).not.toContain('href="/apply/cumbria"');
    expect(page).not.toContain('href="/apply/kent"');
  });

  it('sends security headers and serves the GOV.UK stylesheet', async () => {
    const page = await fetch(`${base}/apply/leeds`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const stylesheet = /<link rel="stylesheet" href="(\/assets\/[0-9a-f]+\/govuk-frontend\.min\.css)">/u.exec(await page.text())?.[1];
    expect(stylesheet).toBeDefined();
    const css = await fetch(`${base}${stylesheet}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.govuk-error-summary');
    expect((await fetch(`${base}/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('answers an address no route matches with a "Page not found" page, or JSON under /api/', async () => {
    const page = await fetch(`${base}/staff/areas/leeds/no-such-page`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const text = await page.text();
    expect(text).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    expect(text).toContain('<title>Page not found – Partnership Improvement Programme</title>');
    expect(text).toContain('<a class="govuk-link" href="/staff">Go to the programme overview</a>');
    expect(await (await fetch(`${base}/apply/nowhere`)).text()).toContain('<a class="govuk-link" href="/apply">See the areas open for applications</a>');
    expect((await fetch(`${base}/apply`, { method: 'DELETE' })).status).toBe(404);
    const api = await fetch(`${base}/api/no-such-thing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ message: expect.stringContaining('check it is correct') });
  });
});

describe('applying through the form', () => {
  it('shows the answers to check, storing nothing; then, sent, a confirmation with the reference, the application stored and one email', async () => {
    const email = uniqueEmail('form');
    const check = await postForm('/apply/leeds', goodForm(email, { jobTitle: 'Head of "Policy" & <Partnerships>' }));
    expect(check.status).toBe(200);
    const checkPage = await check.text();
    expect(checkPage).toContain('<h1 class="govuk-heading-l">Check your answers before sending your application</h1>');
    expect(checkPage).toContain('<dd class="govuk-summary-list__value">Head of &quot;Policy&quot; &amp; &lt;Partnerships&gt;</dd>');
    expect(checkPage).toContain('<form method="post" action="/apply/leeds/send" novalidate>');
    expect(checkPage).toContain('<input type="hidden" name="jobTitle" value="Head of &quot;Policy&quot; &amp; &lt;Partnerships&gt;">');
    expect(checkPage).toContain('formaction="/apply/leeds#jobTitle" name="change" value="jobTitle"');
    expect(await stores.applications.findByApplicant('leeds', email)).toBeUndefined();
    expect(await emailsTo(email)).toHaveLength(0);

    const changing = await postForm('/apply/leeds', new URLSearchParams([...goodForm(email), ['change', 'jobTitle']]));
    expect(changing.status).toBe(200);
    const form = await changing.text();
    // The question page that asks it, every other answer carried along.
    expect(form).toContain('<h1 class="govuk-heading-l">Your role</h1>');
    expect(form).toContain('value="Assistant Chief Executive"');
    expect(form).toContain(`<input type="hidden" name="email" value="${email}">`);
    expect(form).not.toContain('govuk-error-summary');

    const response = await postForm('/apply/leeds/send', goodForm(email));
    const page = await response.text();
    expect(response.status).toBe(200);
    const reference = /<strong>(PIP-[0-9A-Z]{4}-[0-9A-Z]{4})<\/strong>/u.exec(page)?.[1];
    expect(reference).toBeDefined();
    const stored = await stores.applications.findByApplicant('leeds', email);
    expect(stored?.applicationId).toBe(reference);
    const emails = await emailsTo(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toContain(`Application received`);
    expect(emails[0]!.body.text).toContain(reference);
    expect(emails[0]!.body.html).toContain(reference);
  });

  it('shows the first page with a problem again, with an error summary linking to each of its bad fields, keeping every value, escaped', async () => {
    const email = uniqueEmail('bad-form');
    const form = goodForm(email, { fullName: '<script>alert("x")</script>', jobTitle: '', phone: 'call me' });
    form.delete('privacyConsent');
    const response = await postForm('/apply/leeds', form);
    const page = await response.text();
    expect(response.status).toBe(400);
    expect(page).toContain('<title>Error: About you – Apply for Leeds');
    expect(page).toContain('<a href="#phone">Enter a telephone number');
    // The job title is on the next page: asked there, not here.
    expect(page).not.toContain('<a href="#jobTitle">');
    expect(page).toContain('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain(`value="${email}"`);
    expect(page).toContain('<input type="hidden" name="sector" value="local-authority">');

    const secondPage = await postForm('/apply/leeds', new URLSearchParams([...goodForm(email, { jobTitle: '' }), ['page', 'your-role']]));
    expect(secondPage.status).toBe(400);
    const second = await secondPage.text();
    expect(second).toContain('<a href="#jobTitle">Enter your job title</a>');
    expect(second).toMatch(/id="sector" name="sector" type="radio" value="local-authority" checked/u);

    // The privacy notice is agreed on the check page, when sending: refused there without it.
    const withoutConsent = goodForm(email);
    withoutConsent.delete('privacyConsent');
    const unagreed = await postForm('/apply/leeds/send', withoutConsent);
    expect(unagreed.status).toBe(400);
    const check = await unagreed.text();
    expect(check).toContain('Check your answers before sending your application');
    expect(check).toContain('<a href="#privacyConsent">Confirm that you have read the privacy notice</a>');
    expect(await stores.applications.findByApplicant('leeds', email)).toBeUndefined();
    expect(await emailsTo(email)).toHaveLength(0);
  });

  it('says clearly when applications have closed or are not open yet, storing nothing', async () => {
    const closed = await fetch(`${base}/apply/cumbria`);
    expect(await closed.text()).toContain('Applications for Cumbria have closed');
    const email = uniqueEmail('closed');
    const posted = await postForm('/apply/cumbria', goodForm(email));
    expect(posted.status).toBe(409);
    expect(await posted.text()).toContain('Applications for Cumbria have closed');
    const sent = await postForm('/apply/cumbria/send', goodForm(email));
    expect(sent.status).toBe(409);
    expect(await sent.text()).toContain('Applications for Cumbria have closed');
    const early = await postForm('/apply/kent', goodForm(email));
    expect(early.status).toBe(409);
    expect(await early.text()).toContain('Applications for Kent are not open yet');
    expect(await storedApplications('cumbria')).toHaveLength(0);
    expect(await storedApplications('kent')).toHaveLength(0);
    expect(await emailsTo(email)).toHaveLength(0);
  });

  it('answers an unknown area with a not-found page', async () => {
    const response = await fetch(`${base}/apply/atlantis`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });
});

describe('applying through the API', () => {
  it('returns 201 with the application id', async () => {
    const email = uniqueEmail('api');
    const response = await postJson('/api/areas/leeds/applications', goodAnswers(email));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { applicationId: string; outcome: string };
    expect(body.outcome).toBe('received');
    expect((await stores.applications.findByApplicant('leeds', email))?.applicationId).toBe(body.applicationId);
  });

  it('returns 400 with field paths and messages, storing nothing', async () => {
    const email = uniqueEmail('api-bad');
    const response = await postJson('/api/areas/leeds/applications', goodAnswers(email, { sector: 'voluntary-community', programmeHopes: '' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: 'There is a problem with the answers given',
      errors: [
        { path: 'organisationKind', message: 'Select what kind of organisation you work for' },
        { path: 'programmeHopes', message: 'Tell us what you want from the programme' },
      ],
    });
    expect(await stores.applications.findByApplicant('leeds', email)).toBeUndefined();
  });

  it('refuses malformed JSON, the wrong content type and an oversized body', async () => {
    const malformed = await postJson('/api/areas/leeds/applications', '{"fullName":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ message: 'The request body is not valid JSON' });
    const wrongType = await postJson('/api/areas/leeds/applications', JSON.stringify(goodAnswers(uniqueEmail('type'))), { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    const email = uniqueEmail('huge');
    const huge = await postJson('/api/areas/leeds/applications', goodAnswers(email, { accessibilityNeeds: 'x'.repeat(70 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ message: 'The request body must be 64 KB or smaller' });
    const hugeForm = await postForm('/apply/leeds', goodForm(email, { accessibilityNeeds: 'x'.repeat(70 * 1024) }));
    expect(hugeForm.status).toBe(413);
    expect(await hugeForm.text()).toContain('Your answers are too long to send');
    expect(await stores.applications.findByApplicant('leeds', email)).toBeUndefined();
  });

  it('answers 404 for an unknown area and 409 for a closed window', async () => {
    const unknown = await postJson('/api/areas/atlantis/applications', goodAnswers(uniqueEmail('x')));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'Area not found' });
    const closed = await postJson('/api/areas/cumbria/applications', goodAnswers(uniqueEmail('x')));
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as { message: string }).message).toMatch(/^Applications for Cumbria closed at /u);
  });

  it('publishes an OpenAPI document generated from the same schema as the form', async () => {
    const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      openapi: string;
      components: { schemas: { ApplicationAnswers: { required: string[]; properties: Record<string, { title?: string; enum?: string[] }> } } };
    };
    expect(document.openapi).toBe('3.1.0');
    const answers = document.components.schemas.ApplicationAnswers;
    expect(answers.required).toContain('privacyConsent');
    expect(answers.required).not.toContain('phone');
    expect(answers.properties.sector?.enum).toEqual(['local-authority', 'voluntary-community']);
    expect(answers.properties.fullName?.title).toBe('Full name');
  });
});

describe('applying twice', () => {
  it('keeps the first application as it was, its reference unsaid, and emails the address a link rather than saying it was updated', async () => {
    const email = uniqueEmail('twice');
    const first = (await (await postJson('/api/areas/leeds/applications', goodAnswers(email))).json()) as { applicationId: string };
    const second = await postJson('/api/areas/leeds/applications', goodAnswers(email.toUpperCase(), { jobTitle: 'Director of Partnerships' }));
    expect(second.status).toBe(202);
    expect(await second.json()).toEqual({ outcome: 'link-sent', message: 'We have emailed you a link to change your application.' });
    const stored = await stores.applications.findByApplicant('leeds', email);
    expect(stored).toMatchObject({ applicationId: first.applicationId, version: 1, answers: { jobTitle: 'Assistant Chief Executive' } });
    // The receipt leaves from the table's stream and the link from the request, so they may arrive in either order.
    const subjects = (await emailsTo(email)).map((message) => message.subject.split(':')[0]).sort();
    expect(subjects).toEqual(['Application received', 'Someone tried to apply again with your email address']);
  });

  it('leaves exactly one application and one email after concurrent double submits', async () => {
    const email = uniqueEmail('double');
    const responses = await Promise.all(Array.from({ length: 8 }, () => postForm('/apply/leeds/send', goodForm(email))));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    const references = await Promise.all(responses.map(async (response) => /<strong>(PIP-[^<]+)<\/strong>/u.exec(await response.text())?.[1]));
    expect(new Set(references).size).toBe(1);
    const applications = (await storedApplications()).filter((application) => application.answers.email === email);
    expect(applications).toHaveLength(1);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it('keeps the one application that got there first when concurrent submits carry different answers', async () => {
    const email = uniqueEmail('race');
    const jobTitles = ['Director', 'Head of Policy', 'Chief Officer', 'Assistant Director'];
    const responses = await Promise.all(jobTitles.map((jobTitle) => postJson('/api/areas/leeds/applications', goodAnswers(email, { jobTitle }))));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { applicationId?: string; outcome?: string }[];
    const received = bodies.filter((body) => body.outcome === 'received');
    expect(received).toHaveLength(1);
    // Three emails a day at most: the one "received", two links, and the fourth is refused.
    expect(responses.map((response) => response.status).sort()).toEqual([201, 202, 202, 429]);
    const stored = await stores.applications.findByApplicant('leeds', email);
    expect(stored).toMatchObject({ applicationId: received[0]!.applicationId, version: 1 });
    expect(jobTitles[bodies.indexOf(received[0]!)]).toBe(stored!.answers.jobTitle);
    const emails = await emailsTo(email);
    expect(emails.filter((message) => message.subject.startsWith('Application received'))).toHaveLength(1);
    expect(emails).toHaveLength(3);
  });

  it('refuses text that only looks like an answer, naming the field, and stores nothing', async () => {
    const cases: Record<string, string> = {
      'invisible characters only': '\u200b\u200b\u200d',
      'a NUL character': 'Ann\u0000 Jones',
      'an ANSI escape': 'Ann \u001b[31mJones',
      'a line break in a name': 'Ann\r\nJones',
      'a lone surrogate': 'Ann \ud800Jones',
    };
    for (const [what, fullName] of Object.entries(cases)) {
      const email = uniqueEmail('text');
      const response = await postJson('/api/areas/leeds/applications', goodAnswers(email, { fullName }));
      expect(response.status, what).toBe(400);
      const body = (await response.json()) as { errors: { path: string }[] };
      expect(body.errors.map((error) => error.path), what).toEqual(['fullName']);
      expect(await stores.applications.findByApplicant('leeds', email), what).toBeUndefined();
    }
  });

  it('stores names as composed Unicode, so the same name is stored the same way however it was typed', async () => {
    const email = uniqueEmail('nfc');
    const response = await postJson('/api/areas/leeds/applications', goodAnswers(email, { fullName: 'Zoe\u0308 Bront\u00eb' }));
    expect(response.status).toBe(201);
    expect((await stores.applications.findByApplicant('leeds', email))?.answers.fullName).toBe('Zo\u00eb Bront\u00eb');
  });

  it('answers 404, not a server error, for an address whose area or token cannot be one', async () => {
    const long = 'a'.repeat(3000);
    const api = await postJson(`/api/areas/${long}/applications`, goodAnswers(uniqueEmail('long')));
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ message: expect.any(String) });
    for (const path of [`/apply/${long}`, `/nominate/${long}`, `/participation/${long}`, `/evaluation/${'x'.repeat(3000)}`]) {
      const page = await fetch(`${base}${path}`);
      expect(page.status, path).toBe(404);
    }
  });
});

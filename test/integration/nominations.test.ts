import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { RunningPlatform } from '@pip/local';
import { goodForm } from '../support/application-answers';
import { emailsTo, type ReceivedEmail } from '../support/inbox';
import { startTestPlatform, storesOf, uniqueEmail } from '../support/platform';
import { closeRecruitment, openArea } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';
import { countDynamoCalls, emptyTally, requestTallies } from '../bench/dynamo-calls';

const AREA = 'nomination-test';
// The calls each request makes to the table, counted as the round-trips bench counts them.
countDynamoCalls();
let platform: RunningPlatform;
let base: string;
let staff: StaffSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  staff = staffSession(platform);
  // Besides the seeded demo areas: Leeds and Northumberland open, Cumbria closed.
  await openArea(platform, AREA, 'Nomination Test');
  await openArea(platform, 'closed-area', 'Closed Area');
  await closeRecruitment(platform, 'closed-area');
});
afterAll(() => platform?.stop());

const post = (path: string, form: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });

/** Emails about this file's area: other test files share the SES endpoint, but not the area. */
async function emailsAboutTheArea(): Promise<ReceivedEmail[]> {
  const store = (await (await fetch(`${platform.sesEndpoint}/store`)).json()) as { emails: ReceivedEmail[] };
  return store.emails.filter((email) => email.subject.includes('Nomination Test'));
}

async function itemCount(): Promise<number> {
  const { documents } = storesOf(platform);
  const { Count } = await documents.send(new ScanCommand({ TableName: platform.tableName, Select: 'COUNT', ConsistentRead: true }));
  documents.destroy();
  return Count ?? 0;
}

/** The link in the newest email to this address that carries one of these paths. */
async function linkIn(address: string, pattern: RegExp): Promise<string> {
  await expect.poll(async () => (await emailsTo(address)).some((email) => pattern.test(email.body.text ?? '')), { timeout: 60_000 }).toBe(true);
  const emails = (await emailsTo(address)).filter((email) => pattern.test(email.body.text ?? ''));
  return pattern.exec(emails.at(-1)!.body.text ?? '')![0];
}

const partnerLinkPattern = /\/nominate\/[\w-]{43}(?:\.[a-z0-9-]+)?/u;

/** Staff issue a partner its link; the path of the link its contact was emailed. */
async function issue(partner: Record<string, string | string[]>): Promise<string> {
  const response = await staff.post('/staff/partners', partner);
  expect(response.status).toBe(303);
  return linkIn(String(partner.contactEmail), partnerLinkPattern);
}

const acre = (contactEmail: string) => ({ kind: 'acre', contactName: 'Nadia Nominator', contactEmail });

function nomination(candidateEmail: string, overrides: Record<string, string> = {}) {
  return {
    areaId: AREA,
    candidateName: 'Cara Candidate',
    candidateEmail,
    candidateOrganisation: 'Rural Action Yorkshire',
    candidateJobTitle: 'Chief Officer',
    reason: 'She brought the rural network and the county council together on transport.',
    ...overrides,
  };
}

/** Sends an application, through the page that asks the applicant to check their answers if there is one. */
async function applyWith(answers: URLSearchParams): Promise<void> {
  const form = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  const first = await fetch(`${base}/apply/${AREA}`, { ...form, body: answers.toString() });
  expect(first.status).toBe(200);
  const page = await first.text();
  const check = new RegExp(`<form[^>]*action="(/apply/${AREA}/send)"[\\s\\S]*?</form>`, 'u').exec(page);
  if (!check) return;
  const hidden = [...check[0].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/gu)].map(([, name, value]) => [name!, unescapeHtml(value!)]);
  // The privacy declaration is the check page's own question, ticked as the applicant would.
  hidden.push(['privacyConsent', 'yes']);
  expect((await fetch(`${base}${check[1]}`, { ...form, body: new URLSearchParams(hidden).toString() })).status).toBe(200);
}

const unescapeHtml = (text: string) =>
  text.replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');

function applyLink(email: ReceivedEmail): string {
  const match = /\/apply\/[\w-]+\?nomination=[A-Za-z0-9_-]{43}(?:\.[\w-]+){0,2}/u.exec(email.body.text ?? '');
  if (!match) throw new Error('No application link in the invitation');
  return match[0];
}

describe('nominations without a partner link', () => {
  it('are refused on the old public address: no email is sent and nothing is stored', async () => {
    const candidate = uniqueEmail('anonymous-candidate');
    const nominator = uniqueEmail('anonymous-nominator');
    const [itemsBefore, emailsBefore] = [await itemCount(), (await emailsAboutTheArea()).length];
    const old = { body: 'acre', nominatorName: 'Anyone', nominatorEmail: nominator, candidateName: 'Victim', candidateEmail: candidate, reason: 'Buy now' };

    const posted = await post(`/nominate/${AREA}`, { ...old, candidateOrganisation: 'Spam Ltd' });
    const shown = await fetch(`${base}/nominate/${AREA}`);

    for (const response of [posted, shown]) {
      expect(response.status).toBe(404);
      const page = await response.text();
      expect(page).toContain('Nominations come through the personal link the programme team gives each partner organisation');
      expect(page).toContain('contact the programme team');
    }
    expect(await itemCount()).toBe(itemsBefore);
    expect((await emailsAboutTheArea()).length).toBe(emailsBefore);
    expect([...(await emailsTo(candidate)), ...(await emailsTo(nominator))]).toEqual([]);
  });

  it('are refused with a link that is not whole, however it is sent', async () => {
    const link = await issue(acre(uniqueEmail('acre')));
    const cut = link.slice(0, -1);
    expect((await fetch(`${base}${cut}`)).status).toBe(404);
    const candidate = uniqueEmail('cut-link');
    expect((await post(cut, nomination(candidate))).status).toBe(404);
    expect(await emailsTo(candidate)).toEqual([]);
  });

  it('are issued, and read with the partner they name, each in one round trip; and open nothing when the name is changed', async () => {
    const contactEmail = uniqueEmail('counted-contact');
    const issuing = emptyTally();
    requestTallies.set('issue', issuing);
    const issued = await staff.post('/staff/partners', { kind: 'changeup-consortium', organisation: 'Counted ChangeUp', areaIds: [AREA], contactName: 'Cy Counted', contactEmail }, { headers: { 'x-bench-tally': 'issue' } });
    requestTallies.delete('issue');
    expect(issued.status).toBe(303);
    // The areas and the partner the form names, side by side; then the partner, its link and its email in one transaction.
    expect({ readWaves: issuing.readWaves, writes: issuing.writes }).toEqual({ readWaves: 1, writes: 1 });
    const link = await linkIn(contactEmail, partnerLinkPattern);
    expect(link).toMatch(/\.changeup-counted-changeup$/u);
    const renamed = link.replace(/\.changeup-counted-changeup$/u, '.acre');
    expect((await fetch(`${base}${renamed}`)).status).toBe(404);

    const candidate = uniqueEmail('counted');
    const tally = emptyTally();
    requestTallies.set('nomination', tally);
    const sent = await fetch(`${base}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-bench-tally': 'nomination' }, body: new URLSearchParams(nomination(candidate)).toString() });
    requestTallies.delete('nomination');
    expect(sent.status).toBe(200);
    // The link, the partner and the areas in one round trip; then the nomination, its line and its emails in one transaction.
    expect({ readWaves: tally.readWaves, writes: tally.writes }).toEqual({ readWaves: 1, writes: 1 });
  });
});

describe('staff issuing partner links', () => {
  it('show every problem with a new partner beside its field', async () => {
    const response = await staff.post('/staff/partners', { kind: 'changeup-consortium', contactEmail: 'not-an-email' });
    expect(response.status).toBe(400);
    const page = await response.text();
    const fields = [...page.matchAll(/<li><a href="#([\w-]+)">/gu)].map((match) => match[1]);
    expect(fields).toEqual(['organisation', 'areaIds', 'contactName', 'contactEmail']);
    expect(page).toContain('Enter the name of the local ChangeUp consortium');
    expect(page).toContain('value="changeup-consortium" checked');
  });

  it('email the contact their link, and list the partner with its link working and no nominations yet', async () => {
    const contact = uniqueEmail('nacvs');
    const link = await issue({ kind: 'nacvs', contactName: 'Nia Jones', contactEmail: contact });
    const [email] = await emailsTo(contact);
    expect(email!.subject).toBe('Your nomination link: Partnership Improvement Programme');
    expect(email!.body.text).toMatch(/It works until \d{1,2} \w+ \d{4} unless we withdraw it/u);

    const list = await (await staff.get('/staff/partners')).text();
    expect(list).toContain('Nia Jones');
    expect(list).toMatch(/NACVS[\s\S]*?Link working/u);
    expect((await fetch(`${base}${link}`)).status).toBe(200);
  });
});

describe('nominating through a partner link', () => {
  it('emails only the candidate and the partner contact, once each however often it is sent, naming the partner and not its reasons', async () => {
    const contact = uniqueEmail('acre-contact');
    const link = await issue(acre(contact));
    const form = await (await fetch(`${base}${link}`)).text();
    expect(form).toContain('You are nominating as Nadia Nominator of ACRE');
    expect(form).not.toContain('name="nominatorEmail"');

    const candidate = uniqueEmail('candidate');
    const stranger = uniqueEmail('stranger');
    const emailsBefore = (await emailsAboutTheArea()).length;
    // Fields of the old form are not read: who nominates, and where the confirmation goes, come from the partner.
    const sent = nomination(candidate, { nominatorEmail: stranger, nominatorName: 'Someone Else' });
    const answers = await Promise.all([post(link, sent), post(link, sent)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    // One is the nomination; the other is told it was sent already, and that nobody was emailed again.
    const titles = (await Promise.all(answers.map((answer) => answer.text()))).map((page) => /<h1 class="govuk-panel__title">\s*([^<]*?)\s*<\/h1>/u.exec(page)?.[1]);
    expect(titles.sort()).toEqual(['Nomination already sent', 'Nomination sent']);

    await expect.poll(async () => (await emailsAboutTheArea()).length, { timeout: 60_000 }).toBe(emailsBefore + 2);
    expect((await emailsAboutTheArea()).length).toBe(emailsBefore + 2);
    const [invitation] = await emailsTo(candidate);
    const confirmation = (await emailsTo(contact)).at(-1)!;
    expect(await emailsTo(stranger)).toEqual([]);
    expect(invitation!.subject).toBe('You have been nominated: Partnership Improvement Programme, Nomination Test');
    expect(invitation!.body.text).toContain('Nadia Nominator of ACRE has nominated you');
    expect(confirmation.subject).toBe('Your nomination of Cara Candidate: Partnership Improvement Programme, Nomination Test');
    for (const email of [invitation!, confirmation]) {
      expect(email.body.text).not.toContain('rural network');
      expect(email.body.text).not.toContain('Rural Action Yorkshire');
      expect(email.body.text).not.toContain('Someone Else');
    }

    const list = await (await staff.get('/staff/partners')).text();
    expect(list).toMatch(/Nadia Nominator[\s\S]*?<td class="govuk-table__cell govuk-table__cell--numeric">1<\/td>/u);
  });

  it('turns the candidate’s link into a prefilled application that shows staff the partner and its reasons', async () => {
    const contact = uniqueEmail('calderdale');
    const link = await issue({ kind: 'changeup-consortium', organisation: 'Calderdale ChangeUp', areaIds: [AREA], contactName: 'Colin Consortium', contactEmail: contact });
    const candidate = uniqueEmail('prefilled');
    expect((await post(link, nomination(candidate))).status).toBe(200);
    await expect.poll(async () => (await emailsTo(candidate)).length, { timeout: 60_000 }).toBe(1);
    const apply = applyLink((await emailsTo(candidate))[0]!);
    const form = await (await fetch(`${base}${apply}`)).text();
    expect(form).toContain('Colin Consortium of Calderdale ChangeUp nominated you');
    expect(form).toContain(`value="${candidate}"`);
    expect(form).toContain('value="Rural Action Yorkshire"');
    const token = /name="nomination" value="([^"]+)"/u.exec(form)![1]!;

    const answers = goodForm(candidate, { fullName: 'Cara Candidate', sector: 'voluntary-community', organisationKind: 'infrastructure-body', nomination: token });
    await applyWith(answers);
    const stores = storesOf(platform);
    const application = await stores.applications.findByApplicant(AREA, candidate);
    stores.documents.destroy();
    expect(application?.nomination).toMatchObject({ body: 'changeup-consortium', bodyName: 'Calderdale ChangeUp', nominatorName: 'Colin Consortium', nominatorEmail: contact });

    const detail = await (await staff.get(`/staff/areas/${AREA}/applications/${application!.applicationId}`)).text();
    expect(detail).toContain('Nominated by Colin Consortium');
    expect(detail).toContain('of Calderdale ChangeUp');
    expect(detail).toContain('They said: She brought the rural network');
  });

  it('says so when a candidate’s link is altered, and the application then carries no nomination', async () => {
    const link = await issue(acre(uniqueEmail('acre-again')));
    const candidate = uniqueEmail('tampered');
    await post(link, nomination(candidate));
    await expect.poll(async () => (await emailsTo(candidate)).length, { timeout: 60_000 }).toBe(1);
    const apply = applyLink((await emailsTo(candidate))[0]!);
    const altered = `${apply.slice(0, -2)}${apply.endsWith('AA') ? 'BB' : 'AA'}`;
    const page = await (await fetch(`${base}${altered}`)).text();
    expect(page).toContain('The nomination link you followed has expired or is not complete');
    expect(page).not.toContain(candidate);
    expect(page).not.toContain('name="nomination"');
  });
});

describe('the partner’s kind', () => {
  it('lets a national body choose among the areas open for applications', async () => {
    const link = await issue({ kind: 'bassac', contactName: 'Bea Bassac', contactEmail: uniqueEmail('bassac') });
    const form = await (await fetch(`${base}${link}`)).text();
    for (const open of [AREA, 'leeds', 'northumberland']) expect(form).toContain(`value="${open}"`);
    for (const shut of ['closed-area', 'cumbria', 'kent']) expect(form).not.toContain(`value="${shut}"`);
  });

  it('keeps a local ChangeUp consortium to its own areas, or its region', async () => {
    const byArea = await issue({ kind: 'changeup-consortium', organisation: 'Test Area ChangeUp', areaIds: [AREA, 'closed-area'], contactName: 'Al', contactEmail: uniqueEmail('al') });
    const form = await (await fetch(`${base}${byArea}`)).text();
    expect(form).toContain(`value="${AREA}"`);
    expect(form).not.toContain('value="leeds"');
    expect(form).not.toContain('value="closed-area"');

    const candidate = uniqueEmail('elsewhere');
    for (const areaId of ['leeds', 'closed-area']) {
      const refused = await post(byArea, nomination(candidate, { areaId }));
      expect(refused.status).toBe(400);
      const page = await refused.text();
      expect(page).toContain('<a href="#areaId">Select one of the areas listed</a>');
      expect(page).toContain('value="Cara Candidate"');
    }

    const byRegion = await issue({ kind: 'changeup-consortium', organisation: 'North East ChangeUp', regionId: 'north-east', contactName: 'Ned', contactEmail: uniqueEmail('ned') });
    const regionForm = await (await fetch(`${base}${byRegion}`)).text();
    expect(regionForm).toContain('value="northumberland"');
    expect(regionForm).not.toContain(`value="${AREA}"`);
    expect(await emailsTo(candidate)).toEqual([]);
  });
});

describe('withdrawing a partner link', () => {
  it('asks staff to confirm, then refuses the link at once', async () => {
    const link = await issue({ kind: 'community-matters', contactName: 'Cam Matters', contactEmail: uniqueEmail('cm') });

    const asked = await staff.post('/staff/partners/community-matters/revoke', {});
    expect(asked.status).toBe(200);
    const confirmation = await asked.text();
    expect(confirmation).toContain('Are you sure you want to withdraw the nomination link of Community Matters?');
    expect(confirmation).toContain('name="confirmed" value="yes"');
    expect((await fetch(`${base}${link}`)).status).toBe(200);

    const withdrawn = await staff.post('/staff/partners/community-matters/revoke', { confirmed: 'yes' });
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.headers.get('location')).toBe('/staff/partners?done=withdrawn');

    const refused = await fetch(`${base}${link}`);
    expect(refused.status).toBe(410);
    expect(await refused.text()).toContain('This nomination link has been withdrawn');
    const candidate = uniqueEmail('after-withdrawal');
    expect((await post(link, nomination(candidate))).status).toBe(410);
    expect(await emailsTo(candidate)).toEqual([]);
    expect(await (await staff.get('/staff/partners')).text()).toMatch(/Community Matters[\s\S]*?Withdrawn/u);
  });

  it('happens to the old link when staff issue the partner a new one', async () => {
    const contact = uniqueEmail('nacvs-renewed');
    const first = await issue({ kind: 'nacvs', contactName: 'Nia Jones', contactEmail: contact });
    const second = await issue({ kind: 'nacvs', contactName: 'Nia Jones', contactEmail: contact });
    expect(second).not.toBe(first);
    expect((await fetch(`${base}${first}`)).status).toBe(410);
    expect((await fetch(`${base}${second}`)).status).toBe(200);
  });

  it('is not found for a partner that does not exist', async () => {
    expect((await staff.post('/staff/partners/no-such-partner/revoke', { confirmed: 'yes' })).status).toBe(404);
    expect((await staff.post(`/staff/partners/${'x'.repeat(3000)}/revoke`, { confirmed: 'yes' })).status).toBe(404);
  });
});

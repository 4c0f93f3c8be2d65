import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '@pip/domain';
import { localStaff, type RunningPlatform } from '@pip/local';
import { emailsTo, type ReceivedEmail } from '../support/inbox';
import { startTestPlatform } from '../support/platform';
import { apply, closeRecruitment, openArea, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';

/*
 * One area from reviews to a reserve taking a withdrawn participant's place, over HTTP against
 * DynamoDB Local and the SES endpoint. The tests run in order: each picks up where the last left off.
 */
const AREA = 'selection-test';
let platform: RunningPlatform;
let base: string;
let sam: StaffSession;
let priya: StaffSession;
const councils: Applicant[] = [];
const voluntary: Applicant[] = [];

interface SelectionView {
  status: string;
  selection: { selected: Record<string, string[]>; leads: Record<string, string>; version: number; outcomes?: Record<string, { kind: string; rank?: number }> };
  proposal: { selected: Record<string, string[]>; outcomes: Record<string, { kind: string; reasons: string[]; rank?: number }> };
  breaches: { message: string; blocksApproval: boolean }[];
}

async function selectionNow(): Promise<SelectionView> {
  const response = await fetch(`${base}/api/staff/areas/${AREA}/selection`, { headers: { authorization: `Bearer ${sam.idToken}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as SelectionView;
}

async function auditText(): Promise<string> {
  return (await sam.get(`/staff/areas/${AREA}/timeline`)).text();
}

/** The selection form as posted; an approval as the confirmation page posts it, unless `confirmed` is false (the first click). */
function selectionForm(view: SelectionView, action: 'save' | 'approve', leads: Record<string, string>, confirmed = true) {
  return {
    version: String(view.selection.version),
    action,
    ...(action === 'approve' && confirmed ? { confirmed: 'yes' } : {}),
    'selected-local-authority': view.selection.selected['local-authority'] ?? [],
    'selected-voluntary-community': view.selection.selected['voluntary-community'] ?? [],
    'lead-local-authority': leads['local-authority']!,
    'lead-voluntary-community': leads['voluntary-community']!,
  };
}

const outcomeEmails = async (applicant: Applicant): Promise<ReceivedEmail[]> =>
  (await emailsTo(applicant.email)).filter((email) => !email.subject.startsWith('Application received'));

function participationLink(email: ReceivedEmail): string {
  const match = /\/participation\/([A-Za-z0-9_-]{43}(?:\.[\w-]+){0,2})/u.exec(email.body.text ?? '');
  if (!match) throw new Error(`No participation link in "${email.subject}"`);
  return `/participation/${match[1]}`;
}

/** Who of these had this outcome at approval. */
const approvedAs = (view: SelectionView, people: Applicant[], kind: string) =>
  people.filter((applicant) => view.selection.outcomes?.[applicant.applicationId]?.kind === kind);
/** The one of these selected at approval who has since left the sector's group. */
const leftThe = (view: SelectionView, people: Applicant[], sector: string) =>
  approvedAs(view, people, 'selected').find((applicant) => !view.selection.selected[sector]!.includes(applicant.applicationId))!;
/** One of these still in the sector's group who does not lead it. */
const stillIn = (view: SelectionView, people: Applicant[], sector: string) =>
  people.find((applicant) => view.selection.selected[sector]!.includes(applicant.applicationId) && applicant.applicationId !== view.selection.leads[sector])!;
const firstReserveOf = (view: SelectionView, people: Applicant[]) => people.find((applicant) => view.selection.outcomes?.[applicant.applicationId]?.rank === 1)!;
const undoWithdrawalOf = (session: StaffSession, applicant: Applicant) =>
  session.post(`/staff/areas/${AREA}/selection/withdrawals/undo`, { applicationId: applicant.applicationId });
const subjectsOf = async (applicant: Applicant) => (await outcomeEmails(applicant)).map((email) => email.subject);

async function review(session: StaffSession, applicant: Applicant, score: number) {
  const response = await session.post(`/staff/areas/${AREA}/applications/${applicant.applicationId}/reviews`, {
    roleFit: String(score),
    partnershipExperience: String(score),
    commitment: String(score),
    note: `Reviewed by ${session.staff.name}`,
  });
  expect(response.status).toBe(303);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  base = platform.url.replace('localhost', '127.0.0.1');
  sam = staffSession(platform, localStaff[0]);
  priya = staffSession(platform, localStaff[1]);
  // Both reviewers have signed in once, so the console knows who is yet to review.
  await Promise.all([sam.get('/staff'), priya.get('/staff')]);
  await openArea(platform, AREA, 'Selection Test');
  for (let i = 1; i <= 8; i += 1) {
    councils.push(await apply(platform, AREA, `council-${i}`, { fullName: `Council Officer ${i}`, organisation: `Council ${i}`, laaProvider: i === 8 ? 'yes' : 'no' }));
  }
  for (let i = 1; i <= 7; i += 1) {
    voluntary.push(
      await apply(platform, AREA, `vcs-${i}`, {
        fullName: `Chief Officer ${i}`,
        organisation: `Voluntary Group ${i}`,
        sector: 'voluntary-community',
        roleLevel: 'chief-executive-or-chief-officer',
        organisationKind: 'front-line-organisation',
        bmeNetwork: i === 7 ? 'yes' : 'no',
      }),
    );
  }
  await apply(platform, AREA, 'formula', { fullName: '=HYPERLINK("http://evil.example","click")', organisation: '+SUM(A1:A9)' });
});
afterAll(() => platform?.stop());

describe('selecting six plus six for an area', () => {
  it('takes scores from several reviewers and shows the mean and who has not yet reviewed', async () => {
    // Scores fall with the applicant's number, so the ranking is known: 5, 5, 4, 4, 3, 3, 2, 1.
    const scoreOf = (i: number) => [5, 5, 4, 4, 3, 3, 2, 1][i]!;
    for (const [i, applicant] of [...councils, ...voluntary].entries()) {
      const position = i < councils.length ? i : i - councils.length;
      await review(sam, applicant, scoreOf(position));
      if (applicant !== councils[2]) await review(priya, applicant, Math.max(1, scoreOf(position) - (position % 2)));
    }
    const detail = await (await sam.get(`/staff/areas/${AREA}/applications/${councils[2]!.applicationId}`)).text();
    expect(detail).toContain('Mean score: <strong>4.00</strong> from 1 independent review.');
    expect(detail).toContain('Not yet reviewed by: Priya Shah');
    const reviewed = await (await sam.get(`/staff/areas/${AREA}/applications/${councils[1]!.applicationId}`)).text();
    expect(reviewed).toContain('Mean score: <strong>4.50</strong> from 2 independent reviews.');
  });

  it('logs each review and each change of one in the audit log, and nothing for the same scores again', async () => {
    const name = councils[3]!.fullName;
    // Staff decisions only: the applicant's emails also name them on the timeline, as and when the stream sends them.
    const entries = async () => (await (await sam.get(`/staff/areas/${AREA}/timeline?kind=decision`)).text()).split(name).length - 1;
    const before = await entries();
    expect(before).toBe(2); // Sam's and Priya's reviews.
    await review(sam, councils[3]!, 4); // The same as before: a double click.
    expect(await entries()).toBe(2);
    await review(sam, councils[3]!, 5);
    await review(sam, councils[3]!, 4);
    const audit = await auditText();
    expect(await entries()).toBe(4);
    expect(audit).toContain(`Scored ${name}: role and seniority fit 5, partnership experience 5, commitment 5 (mean 5.00).`);
    expect(audit.match(/Review changed/gu)).toHaveLength(2);
    expect(audit).toContain('role and seniority fit 5, partnership experience 5, commitment 5 (mean 5.00)<br>Note: Reviewed by Sam Rivers');
    expect(audit).not.toContain('"roleFit"');
  });

  it('refuses a score out of range with a field error, saving nothing', async () => {
    const response = await sam.post(`/staff/areas/${AREA}/applications/${councils[0]!.applicationId}/reviews`, { roleFit: '9', partnershipExperience: '', commitment: '3' });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Score role and seniority fit from 1 to 5');
    expect(page).toContain('Score partnership experience from 1 to 5');
    expect(page).toContain('Mean score: <strong>5.00</strong> from 2 independent reviews.');
  });

  it('proposes six per sector with the diversity rules met and a reason for every outcome', async () => {
    const { proposal, breaches } = await selectionNow();
    expect(proposal.selected['local-authority']).toHaveLength(6);
    expect(proposal.selected['voluntary-community']).toHaveLength(6);
    expect(proposal.selected['local-authority']).toContain(councils[7]!.applicationId);
    expect(proposal.selected['voluntary-community']).toContain(voluntary[6]!.applicationId);
    for (const applicant of [...councils, ...voluntary]) {
      expect(proposal.outcomes[applicant.applicationId]?.reasons.length).toBeGreaterThan(0);
    }
    const reserves = Object.values(proposal.outcomes).filter((outcome) => outcome.kind === 'reserve');
    expect(reserves.length).toBe(3);
    expect(breaches.filter((breach) => breach.blocksApproval).map((breach) => breach.message).join(' ')).toMatch(/lead/iu);
  });

  it('will not approve while applications are still open', async () => {
    const view = await selectionNow();
    const leads = { 'local-authority': councils[0]!.applicationId, 'voluntary-community': voluntary[0]!.applicationId };
    const response = await sam.post(`/staff/areas/${AREA}/selection`, selectionForm(view, 'approve', leads));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('approve the selection once they have closed');
    expect((await selectionNow()).status).toBe('proposal');
  });

  it('shows which rules an edited selection breaks, and refuses seven in a sector', async () => {
    await closeRecruitment(platform, AREA);
    const view = await selectionNow();
    const form = selectionForm(view, 'save', { 'local-authority': councils[0]!.applicationId, 'voluntary-community': voluntary[0]!.applicationId });
    // Swap the LAA provider out for the seventh council officer: the LAA rule is then broken.
    form['selected-local-authority'] = view.selection.selected['local-authority']!.filter((id) => id !== councils[7]!.applicationId).concat(councils[6]!.applicationId);
    expect((await sam.post(`/staff/areas/${AREA}/selection`, form)).status).toBe(303);
    const page = await (await sam.get(`/staff/areas/${AREA}/selection`)).text();
    expect(page).toMatch(/Local Area Agreement provider/u);
    const edited = await selectionNow();
    expect(edited.selection.version).toBe(1);
    expect(edited.breaches.some((breach) => /Local Area Agreement/u.test(breach.message))).toBe(true);

    const seven = { ...selectionForm(edited, 'approve', { 'local-authority': councils[0]!.applicationId, 'voluntary-community': voluntary[0]!.applicationId }) };
    seven['selected-local-authority'] = [...edited.selection.selected['local-authority']!, councils[7]!.applicationId];
    const refused = await sam.post(`/staff/areas/${AREA}/selection`, seven);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/7 local authority participants are selected; at most 6 may be/u);
    expect((await selectionNow()).status).toBe('draft');
  });

  it('asks to confirm an approval, saying who will be emailed what, and approves, stores and emails nothing on the first click', async () => {
    const view = await selectionNow();
    const leads = { 'local-authority': councils[0]!.applicationId, 'voluntary-community': voluntary[0]!.applicationId };
    const auditBefore = await auditText();
    const firstClick = await sam.post(`/staff/areas/${AREA}/selection`, selectionForm(view, 'approve', leads, false));
    expect(firstClick.status).toBe(200);
    const page = await firstClick.text();
    expect(page).toContain('Approve the selection for Selection Test and email all 16 applicants?');
    expect(page).toContain('12 applicants are emailed that they have been selected, each with a link to withdraw.');
    expect(page).toContain('3 applicants are emailed that they are on the reserve list.');
    expect(page).toContain('1 applicant is emailed that they have not been selected.');
    expect(page).toContain('This cannot be undone');
    expect(page).toContain(`${councils[0]!.fullName} (selected)`);
    expect(page).toContain('name="confirmed" value="yes"');

    // Nothing stored, nobody emailed, nothing logged: only the confirmation page's post approves.
    const after = await selectionNow();
    expect(after.status).toBe('draft');
    expect(after.selection.version).toBe(view.selection.version);
    expect(await auditText()).toBe(auditBefore);
    for (const applicant of [...councils, ...voluntary]) expect(await outcomeEmails(applicant)).toEqual([]);
  });

  it('lets one of two simultaneous approvals of different versions win, and tells the other', async () => {
    const view = await selectionNow();
    const leads = { 'local-authority': councils[0]!.applicationId, 'voluntary-community': voluntary[0]!.applicationId };
    const samsForm = selectionForm(view, 'approve', leads);
    // Priya restores the proposal's LAA provider; Sam approves the selection as he sees it.
    const priyasForm = selectionForm(view, 'approve', { ...leads, 'local-authority': councils[1]!.applicationId });
    priyasForm['selected-local-authority'] = view.selection.selected['local-authority']!.filter((id) => id !== councils[6]!.applicationId).concat(councils[7]!.applicationId);
    const [samAnswer, priyaAnswer] = await Promise.all([sam.post(`/staff/areas/${AREA}/selection`, samsForm), priya.post(`/staff/areas/${AREA}/selection`, priyasForm)]);
    const statuses = [samAnswer.status, priyaAnswer.status].sort();
    expect(statuses).toEqual([303, 409]);
    const loser = samAnswer.status === 409 ? samAnswer : priyaAnswer;
    expect(await loser.text()).toContain('The selection changed while you were looking at it');

    const approved = await selectionNow();
    expect(approved.status).toBe('approved');
    expect(approved.selection.version).toBe(2);
    const winnersForm = samAnswer.status === 303 ? samsForm : priyasForm;
    expect(approved.selection.selected['local-authority']!.sort()).toEqual([...winnersForm['selected-local-authority']].sort());
    const audit = await auditText();
    expect(audit.match(/Selection approved/gu)).toHaveLength(1);
    expect(audit).toMatch(/Lead: Council Officer [12] \(PIP-/u);
  });

  it('emails every applicant exactly one outcome, even when the approval is retried', async () => {
    const approved = await selectionNow();
    const winner = approved.selection.leads['local-authority'] === councils[0]!.applicationId ? sam : priya;
    // The confirmation page's form posted again, as a browser retrying it would.
    const retry = await winner.post(`/staff/areas/${AREA}/selection`, selectionForm({ ...approved, selection: { ...approved.selection, version: 1 } }, 'approve', approved.selection.leads));
    expect(retry.status).toBe(303);
    await expect.poll(async () => (await outcomeEmails(voluntary[6]!)).length, { timeout: 60_000 }).toBe(1);
    for (const applicant of [...councils, ...voluntary]) {
      const emails = await outcomeEmails(applicant);
      expect(emails, applicant.fullName).toHaveLength(1);
      const kind = approved.selection.outcomes?.[applicant.applicationId]?.kind;
      const expected = { selected: 'You have been selected', reserve: 'You are on the reserve list', 'not-selected': 'Your application' }[kind ?? ''];
      expect(emails[0]!.subject.startsWith(expected!), `${applicant.fullName}: ${emails[0]!.subject}`).toBe(true);
    }
  });

  it('turns away a tampered or unknown link without changing anything', async () => {
    const selected = voluntary[1]!;
    const link = participationLink((await outcomeEmails(selected))[0]!);
    const tampered = `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [tampered, '/participation/not-a-token']) {
      const page = await fetch(`${base}${path}`);
      expect(page.status).toBe(404);
      expect(await page.text()).toMatch(/link/iu);
      const post = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=withdraw' });
      expect(post.status).toBe(404);
    }
    expect((await selectionNow()).selection.selected['voluntary-community']).toContain(selected.applicationId);
  });

  it('lets a selected participant withdraw through their link and offers the place to the next reserve, who accepts', async () => {
    const before = await selectionNow();
    const withdrawing = voluntary.find((applicant) => before.selection.outcomes?.[applicant.applicationId]?.kind === 'selected' && applicant.applicationId !== before.selection.leads['voluntary-community'])!;
    const firstReserve = voluntary.find((applicant) => before.selection.outcomes?.[applicant.applicationId]?.kind === 'reserve')!;
    const link = participationLink((await outcomeEmails(withdrawing))[0]!);
    expect((await fetch(`${base}${link}`)).status).toBe(200);
    const post = () => fetch(`${base}${link}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=withdraw', redirect: 'manual' });
    // A double click: the second post finds the withdrawal done and changes nothing more.
    const answers = await Promise.all([post(), post()]);
    expect(answers.every((answer) => answer.status < 500)).toBe(true);

    const after = await selectionNow();
    expect(after.selection.selected['voluntary-community']).not.toContain(withdrawing.applicationId);
    await expect.poll(async () => (await outcomeEmails(firstReserve)).length, { timeout: 60_000 }).toBe(2);
    const offer = (await outcomeEmails(firstReserve)).find((email) => email.subject.startsWith('A place is available'))!;
    expect((await outcomeEmails(withdrawing)).filter((email) => email.subject.startsWith('You have withdrawn'))).toHaveLength(1);

    const accept = await fetch(`${base}${participationLink(offer)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=accept', redirect: 'manual' });
    expect(accept.status).toBeLessThan(400);
    const final = await selectionNow();
    expect(final.selection.selected['voluntary-community']).toContain(firstReserve.applicationId);
    expect(final.selection.selected['voluntary-community']).toHaveLength(6);
    const audit = await auditText();
    expect(audit.match(/Participant withdrew/gu)).toHaveLength(1);
    expect(audit).toContain('Reserve accepted a place');
  });

  it('records a withdrawal only for the participant staff choose: nobody is chosen until they do', async () => {
    const page = await (await sam.get(`/staff/areas/${AREA}/selection`)).text();
    const form = page.slice(page.indexOf('Record a withdrawal</h2>'));
    expect(form).toMatch(/<option value="" selected>Choose the participant<\/option>/u);
    const before = await selectionNow();
    // Staff decisions only: emails from the test before may still be reaching the timeline from the stream.
    const decisions = async () => (await sam.get(`/staff/areas/${AREA}/timeline?kind=decision`)).text();
    const decisionsBefore = await decisions();
    const refused = await sam.post(`/staff/areas/${AREA}/selection/withdrawals`, { applicationId: '' });
    expect(refused.status).toBe(400);
    const answer = await refused.text();
    expect(answer).toContain('<a href="#withdrawing">Choose the participant who has withdrawn</a>');
    expect(answer).toMatch(/govuk-error-message[^]*Choose the participant who has withdrawn/u);
    expect((await selectionNow()).selection).toEqual(before.selection);
    expect(await decisions()).toBe(decisionsBefore);
  });

  it('asks staff to name a new lead when a lead withdraws, recorded by staff', async () => {
    const before = await selectionNow();
    const lead = before.selection.leads['local-authority']!;
    expect((await sam.post(`/staff/areas/${AREA}/selection/withdrawals`, { applicationId: lead })).status).toBe(303);
    const page = await (await sam.get(`/staff/areas/${AREA}/selection`)).text();
    expect(page).toContain('Name a new lead');
    const newLead = (await selectionNow()).selection.selected['local-authority']![0]!;
    expect((await sam.post(`/staff/areas/${AREA}/selection/leads`, { sector: 'local-authority', lead: newLead })).status).toBe(303);
    const after = await selectionNow();
    expect(after.selection.leads['local-authority']).toBe(newLead);
    const audit = await auditText();
    expect(audit).toContain('They were a lead: name a new lead.');
    expect(audit).toContain('Lead named');
    expect(audit).toContain('Sam Rivers');
  });

  it('lists withdrawals on the approved selection page: who, when, who recorded it, and who took the place', async () => {
    const view = await selectionNow();
    const page = await (await sam.get(`/staff/areas/${AREA}/selection`)).text();
    const section = page.slice(page.indexOf('id="withdrawals"'), page.indexOf('Record a withdrawal</h2>'));
    const withdrewByLink = leftThe(view, voluntary, 'voluntary-community');
    const reserve = approvedAs(view, voluntary, 'reserve')[0]!;
    const formerLead = leftThe(view, councils, 'local-authority');
    expect(section).toContain(withdrewByLink.fullName);
    expect(section).toContain('Withdrew through their link');
    expect(section).toMatch(new RegExp(`Place taken by ${reserve.fullName} from the reserves, \\d{1,2}:\\d{2}(am|pm) on`, 'u'));
    expect(section).toContain(formerLead.fullName);
    expect(section).toContain('Sam Rivers');
    expect(section).toMatch(/\d{1,2}:\d{2}(am|pm) on \d{1,2} [A-Z][a-z]+ \d{4}/u);
    // Staff may undo their own record, never the participant's own withdrawal.
    expect(section).toContain(`Undo<span class="govuk-visually-hidden"> the withdrawal of ${formerLead.fullName}</span>`);
    expect(section).not.toContain(`the withdrawal of ${withdrewByLink.fullName}</span>`);
    const refused = await undoWithdrawalOf(sam, withdrewByLink);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('withdrew through their own link: only a withdrawal staff recorded can be undone.');
  });

  it('undoes a withdrawal staff recorded by mistake within a day: back in the group, the pending offer withdrawn, both told, audited', async () => {
    const before = await selectionNow();
    const formerLead = leftThe(before, councils, 'local-authority');
    const offeredReserve = firstReserveOf(before, councils);
    expect(await subjectsOf(offeredReserve)).toContainEqual(expect.stringMatching(/^A place is available/u));

    const undone = await undoWithdrawalOf(priya, formerLead);
    expect(undone.status).toBe(303);
    const after = await selectionNow();
    expect(after.selection.selected['local-authority']).toContain(formerLead.applicationId);
    expect(after.selection.selected['local-authority']).toHaveLength(6);
    await expect.poll(() => subjectsOf(formerLead), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/^You are still taking part/u));
    await expect.poll(() => subjectsOf(offeredReserve), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/^The place is no longer available/u));
    const audit = await auditText();
    expect(audit).toContain(`Withdrawal of ${formerLead.fullName} undone by Priya Shah: they are taking part again.`);
    const page = await (await sam.get(`/staff/areas/${AREA}/selection?done=undone`)).text();
    expect(page).toContain('Undone by Priya Shah');
    expect(page).not.toContain(`Place offered to ${offeredReserve.fullName}`);
  });

  it('refuses to undo a withdrawal once a reserve has accepted the place, changing nothing', async () => {
    const before = await selectionNow();
    const leaving = stillIn(before, councils, 'local-authority');
    expect((await sam.post(`/staff/areas/${AREA}/selection/withdrawals`, { applicationId: leaving.applicationId })).status).toBe(303);
    const reserve = firstReserveOf(before, councils);
    const offers = async () => (await outcomeEmails(reserve)).filter((email) => email.subject.startsWith('A place is available'));
    // Offered again, by a new email: the first offer was withdrawn by the undo.
    await expect.poll(async () => (await offers()).length, { timeout: 60_000 }).toBe(2);
    const accept = await fetch(`${base}${participationLink((await offers()).at(-1)!)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=accept',
      redirect: 'manual',
    });
    expect(accept.status).toBe(200);

    const taken = await selectionNow();
    const refused = await undoWithdrawalOf(sam, leaving);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(`${reserve.fullName} has accepted the place ${leaving.fullName} left, so the withdrawal can no longer be undone.`);
    expect(await selectionNow()).toEqual(taken);
  });

  it('refuses to undo a withdrawal recorded more than a day ago, changing nothing', async () => {
    const before = await selectionNow();
    const leaving = stillIn(before, councils, 'local-authority');
    expect((await sam.post(`/staff/areas/${AREA}/selection/withdrawals`, { applicationId: leaving.applicationId })).status).toBe(303);
    process.env.PIP_LOCAL_CLOCK_OFFSET_MS = String(25 * HOUR);
    try {
      const withdrawn = await selectionNow();
      const page = await (await sam.get(`/staff/areas/${AREA}/selection`)).text();
      expect(page).not.toContain(`the withdrawal of ${leaving.fullName}</span>`);
      const refused = await undoWithdrawalOf(sam, leaving);
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('more than a day ago: it can no longer be undone.');
      expect(await selectionNow()).toEqual(withdrawn);
    } finally {
      delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
    }
  });

  it('exports the area to CSV with formulas neutralised', async () => {
    const response = await sam.get(`/staff/areas/${AREA}/applications.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/u);
    const csv = await response.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain("'+SUM(A1:A9)");
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/mu);
  });

  it('exports answers in the words the form shows and times in UK time, not internal codes or UTC', async () => {
    const csv = await (await sam.get(`/staff/areas/${AREA}/applications.csv`)).text();
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u);
    expect(csv).not.toContain('"director-or-assistant-chief-executive"');
    expect(csv).toMatch(/"\d{1,2}:\d{2}(am|pm) on \d{1,2} [A-Z][a-z]+ \d{4}"/u);
    const audit = await auditText();
    expect(audit).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/u);
  });
});

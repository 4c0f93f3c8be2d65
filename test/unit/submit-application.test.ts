import { describe, expect, it } from 'vitest';
import { APPLICATION_REFERENCE_PATTERN, EmailLimitReachedError, NotFoundError, RecruitmentNotOpenError, ValidationError, type Area } from '@pip/domain';
import { submitApplication } from '../../functions/src/use-cases/recruitment/submit-application';
import { openOwnApplication } from '../../functions/src/use-cases/recruitment/own-application';
import { goodAnswers } from '../support/application-answers';
import { memoryPorts } from '../support/memory-ports';

const leeds: Area = {
  areaId: 'leeds',
  name: 'Leeds',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-02-01T17:00:00Z' },
};
/** Open in summer, when UK time is an hour ahead of UTC. */
const york: Area = { ...leeds, areaId: 'york', name: 'York', recruitment: { opensAt: '2027-06-01T08:00:00Z', closesAt: '2027-07-01T16:00:00Z' } };

const portsAt = (now: string) => memoryPorts({ now, areas: [leeds, york] });

const tokenIn = (text: string) => /\/application\/([\w-]{43}(?:\.[\w-]+){0,2})/u.exec(text)?.[1];

describe('submitting an application', () => {
  it('stores a new application with a reference, queues one "received" email with the applicant\'s own link, left to go from the table\'s stream', async () => {
    const ports = portsAt('2027-01-10T12:00:00Z');
    const result = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    expect(result.outcome).toBe('received');
    if (result.outcome !== 'received') return;
    const { applicationId } = result.application;
    expect(applicationId).toMatch(APPLICATION_REFERENCE_PATTERN);
    expect(ports.outbox.emails.map((email) => email.subject)).toEqual([`Application received: Partnership Improvement Programme, Leeds (${applicationId})`]);
    // Sent by the table's stream once stored, not by the request.
    expect(ports.outbox.goingOnInsert).toEqual([ports.outbox.emails[0]!.messageId]);
    const token = tokenIn(ports.outbox.emails[0]!.text);
    expect(ports.emailedLinks.links.get(token!)).toEqual({ purpose: 'application', areaId: 'leeds', applicationId, expiresAt: '2027-02-22T17:00:00.000Z' });
    expect(ports.outbox.emails[0]!.text).toContain('It works until 5:00pm on 22 February 2027');
  });

  it('changes nothing when the address has applied already, and emails that address its own link, with none of the new answers', async () => {
    const ports = portsAt('2027-01-10T12:00:00Z');
    const first = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    const stored = ports.snapshot();
    const before = (stored as { applications: unknown }).applications;

    ports.clock.set('2027-01-11T09:30:00Z');
    const stranger = goodAnswers('Amira@Example.org', { fullName: 'Mallory Stranger', jobTitle: 'Impostor' });
    const second = await submitApplication(ports, 'leeds', stranger);
    expect(second).toMatchObject({ outcome: 'link-sent' });
    expect(second).not.toHaveProperty('application');
    expect((ports.snapshot() as { applications: unknown }).applications).toEqual(before);

    const [, again] = ports.outbox.emails;
    expect(again).toMatchObject({
      to: 'amira@example.org',
      subject: 'Someone tried to apply again with your email address: Partnership Improvement Programme, Leeds',
    });
    expect(`${again!.text}${again!.html}`).not.toMatch(/Mallory|Impostor/u);
    expect(again!.text).toContain('Dear Amira Okafor,');
    expect(again!.text).toContain('at 9:30am on 11 January 2027. We have not changed your application.');
    // Both go from the table's stream once stored, the link as the first application's email: none from the request.
    expect(ports.outbox.goingOnInsert).toEqual(ports.outbox.emails.map((email) => email.messageId));

    const opened = await openOwnApplication(ports, tokenIn(again!.text)!);
    expect(opened.problem).toBeUndefined();
    if (opened.problem || first.outcome !== 'received') return;
    expect(opened.application).toEqual(first.application);
  });

  it('treats the same answers sent twice as one submission: nothing stored, queued, sent or counted again', async () => {
    const ports = portsAt('2027-01-10T12:00:00Z');
    const first = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    const again = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    expect(again.outcome).toBe('unchanged');
    expect(again.email).toBeUndefined();
    if (again.outcome === 'link-sent' || first.outcome === 'link-sent') return;
    expect(again.application.applicationId).toBe(first.application.applicationId);
    expect(ports.outbox.emails).toHaveLength(1);
    expect(ports.outbox.goingOnInsert).toHaveLength(1);
    expect([...ports.emailAllowances.counts.values()]).toEqual([1]);
  });

  it('turns a lost race to create into a second submission: the winner\'s application stands', async () => {
    const ports = portsAt('2027-01-10T12:00:00Z');
    const winner = await submitApplication(portsAt('2027-01-10T12:00:00Z'), 'leeds', goodAnswers('amira@example.org'));
    if (winner.outcome !== 'received') throw new Error('the winner applied first');
    ports.applications.loseNextCreateTo = winner.application;
    const result = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org', { jobTitle: 'Director' }));
    expect(result.outcome).toBe('link-sent');
    expect((await ports.applications.findByApplicant('leeds', 'amira@example.org'))?.answers.jobTitle).toBe('Assistant Chief Executive');
  });

  it('refuses an unknown area, a window not open, and bad answers, storing and sending nothing', async () => {
    const early = portsAt('2027-01-04T08:59:00Z');
    await expect(submitApplication(early, 'nowhere', goodAnswers('a@example.org'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitApplication(early, 'leeds', goodAnswers('a@example.org'))).rejects.toMatchObject({ state: 'not-open-yet' });
    const late = portsAt('2027-02-01T17:00:00Z');
    await expect(submitApplication(late, 'leeds', goodAnswers('a@example.org'))).rejects.toBeInstanceOf(RecruitmentNotOpenError);
    const open = portsAt('2027-01-10T12:00:00Z');
    await expect(submitApplication(open, 'leeds', { fullName: 'A' })).rejects.toBeInstanceOf(ValidationError);
    expect([early, late, open].map((ports) => ports.applications.byApplicant.size)).toEqual([0, 0, 0]);
    expect([early, late, open].flatMap((ports) => [...ports.outbox.emails, ...ports.emailAllowances.counts.values()])).toEqual([]);
  });
});

describe('the daily limit on emails from public forms', () => {
  it('sends one address three emails in a UK day, from any area, then refuses on the email field and stores and sends nothing', async () => {
    const ports = portsAt('2027-01-10T12:00:00Z');
    await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    await submitApplication(ports, 'leeds', goodAnswers('amira@example.org', { jobTitle: 'Second' }));
    await submitApplication(ports, 'leeds', goodAnswers('AMIRA@example.org', { jobTitle: 'Third' }));
    const before = ports.snapshot();

    const refused = submitApplication(ports, 'leeds', goodAnswers('amira@example.org', { jobTitle: 'Fourth' }));
    await expect(refused).rejects.toBeInstanceOf(EmailLimitReachedError);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: [{ field: 'email', message: 'We have already sent 3 emails to this address today. Try again tomorrow.' }],
    });
    await expect(submitApplication(ports, 'leeds', goodAnswers('amira@example.org', { jobTitle: 'Fifth' }))).rejects.toBeInstanceOf(EmailLimitReachedError);
    expect(ports.snapshot()).toEqual(before);

    // Another address is not held back by this one's.
    expect((await submitApplication(ports, 'leeds', goodAnswers('ben@example.org'))).outcome).toBe('received');
  });

  it('counts by the UK calendar day: a new day begins at midnight UK time, in summer an hour before midnight UTC', async () => {
    const ports = portsAt('2027-06-10T20:00:00Z');
    await submitApplication(ports, 'york', goodAnswers('amira@example.org'));
    for (const jobTitle of ['Second', 'Third']) await submitApplication(ports, 'york', goodAnswers('amira@example.org', { jobTitle }));
    ports.clock.set('2027-06-10T22:59:00Z');
    await expect(submitApplication(ports, 'york', goodAnswers('amira@example.org', { jobTitle: 'Late' }))).rejects.toBeInstanceOf(EmailLimitReachedError);
    ports.clock.set('2027-06-10T23:01:00Z');
    expect((await submitApplication(ports, 'york', goodAnswers('amira@example.org', { jobTitle: 'Next day' }))).outcome).toBe('link-sent');
  });

  it('refuses a new application whose email would pass the limit, storing nothing', async () => {
    const ports = portsAt('2027-01-10T12:00:00Z');
    const allowance = { address: 'Amira@example.org', ukDay: '2027-01-10', limit: 3, forgetAfter: '2027-01-12T12:00:00Z' };
    for (let sent = 0; sent < 3; sent += 1) expect(await ports.emailAllowances.take(allowance)).toBe(true);
    await expect(submitApplication(ports, 'leeds', goodAnswers('amira@example.org'))).rejects.toBeInstanceOf(EmailLimitReachedError);
    expect(ports.applications.byApplicant.size).toBe(0);
    expect(ports.outbox.emails).toEqual([]);
    expect(ports.emailedLinks.links.size).toBe(0);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundEmail } from '@pip/domain';
import { loadHandler, type RunningPlatform } from '@pip/local';
import { SesMailer, deliverEmail } from '@pip/mail';
import { DynamoPersonRecordsStore } from '@pip/storage';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, storesOf, uniqueEmail } from '../support/platform';

/* The email service's reports, fed to the same handler AWS subscribes to the configuration set's topic. */
let platform: RunningPlatform;
let stores: ReturnType<typeof storesOf>;
const staffAlerts = 'programme-team@pip.localhost';

beforeAll(async () => {
  platform = await startTestPlatform();
  stores = storesOf(platform);
});
afterAll(async () => {
  stores.documents.destroy();
  await platform.stop();
});

const bookingLink = (to: string): OutboundEmail => ({
  messageId: `booking-link-${randomUUID()}`,
  to,
  subject: 'Book consultancy session 1: Cumbria',
  text: 'Choose a time.',
  html: '<p>Choose a time.</p>',
});

async function sendNow(email: OutboundEmail): Promise<string> {
  await stores.queueForMinuteDelivery(email, new Date().toISOString());
  const mailer = new SesMailer({ endpoint: platform.sesEndpoint, region: 'eu-west-2', from: 'programme@pip.localhost' });
  expect(await deliverEmail({ outbox: stores.outbox, unreachable: stores.unreachable, mailer, clock: { now: () => new Date() } }, email.messageId)).toBe('sent');
  const sent = await stores.outbox.get(email.messageId);
  expect(sent?.sesMessageId).toBeTruthy();
  return sent!.sesMessageId!;
}

/** An SNS delivery of one SES event, as Lambda receives it. */
const snsEvent = (message: unknown) => ({
  Records: [{ EventSource: 'aws:sns', Sns: { MessageId: randomUUID(), Message: JSON.stringify(message), Timestamp: new Date().toISOString() } }],
});

const permanentBounce = (sesMessageId: string, to: string) => ({
  eventType: 'Bounce',
  bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: to, diagnosticCode: 'smtp; 550 5.1.1 no such user' }], timestamp: new Date().toISOString() },
  mail: { messageId: sesMessageId, timestamp: new Date().toISOString(), destination: [to] },
});

describe('reports of what became of an email', () => {
  it('marks a bounced email, stops writing to the address, and tells staff once with a link to the person', async () => {
    const lead = uniqueEmail('mistyped-lead');
    const email = bookingLink(lead);
    const sesMessageId = await sendNow(email);
    const handler = await loadHandler<(event: unknown) => Promise<unknown>>('email-reports');
    const before = (await emailsTo(staffAlerts)).length;

    expect(await handler(snsEvent(permanentBounce(sesMessageId, lead)))).toEqual({ recorded: 1 });
    // SNS delivers at least once: the same report again changes nothing and alerts nobody twice.
    await handler(snsEvent(permanentBounce(sesMessageId, lead)));
    // A late delivery report never hides the bounce.
    await handler(snsEvent({ eventType: 'Delivery', delivery: { timestamp: new Date().toISOString(), recipients: [lead] }, mail: { messageId: sesMessageId, timestamp: new Date().toISOString() } }));

    expect(await stores.outbox.get(email.messageId)).toMatchObject({ status: 'bounced', outcome: { detail: 'Permanent bounce (NoEmail): smtp; 550 5.1.1 no such user' } });
    expect(await stores.unreachable.find(lead)).toMatchObject({ problem: 'bounced', suppressed: true, messageId: email.messageId });
    const alerts = (await emailsTo(staffAlerts)).slice(before).filter((alert) => alert.subject.includes(lead));
    expect(alerts.map((alert) => alert.subject)).toEqual([`Email not delivered: ${lead}`]);
    expect(alerts[0]!.body.text).toContain('Book consultancy session 1: Cumbria');
    expect(alerts[0]!.body.text).toContain(`/staff/people?q=${encodeURIComponent(lead)}`);

    // The next email to the address is not sent at all.
    const next = bookingLink(lead);
    await stores.queueForMinuteDelivery(next, new Date().toISOString());
    const mailer = new SesMailer({ endpoint: platform.sesEndpoint, region: 'eu-west-2', from: 'programme@pip.localhost' });
    expect(await deliverEmail({ outbox: stores.outbox, unreachable: stores.unreachable, mailer, clock: { now: () => new Date() } }, next.messageId)).toBe('given-up');
    expect(await emailsTo(lead)).toHaveLength(1);
  });

  it('keeps only the status of a report that comes after the person was erased: no address written back, nobody told', async () => {
    const lead = uniqueEmail('erased-lead');
    const email = bookingLink(lead);
    const sesMessageId = await sendNow(email);
    const people = new DynamoPersonRecordsStore(stores.documents, platform.tableName, { teamAddresses: () => [staffAlerts] });
    await people.erasePerson(lead, { name: 'Sam Rivers' }, new Date().toISOString());
    const handler = await loadHandler<(event: unknown) => Promise<unknown>>('email-reports');
    const before = (await emailsTo(staffAlerts)).length;

    expect(await handler(snsEvent(permanentBounce(sesMessageId, lead)))).toEqual({ recorded: 1 });
    expect(await stores.outbox.get(email.messageId)).toMatchObject({ status: 'bounced', to: expect.not.stringContaining(lead) });
    expect(JSON.stringify(await stores.outbox.get(email.messageId))).not.toContain(lead);
    expect(await stores.unreachable.find(lead)).toBeUndefined();
    expect((await emailsTo(staffAlerts)).slice(before).filter((alert) => (alert.body.text ?? '').includes(lead))).toEqual([]);
  });

  it('keeps writing after a mailbox was only full, records a delivery, and ignores reports of emails it never sent', async () => {
    const participant = uniqueEmail('full-mailbox');
    const email = bookingLink(participant);
    const sesMessageId = await sendNow(email);
    const handler = await loadHandler<(event: unknown) => Promise<unknown>>('email-reports');
    const transient = permanentBounce(sesMessageId, participant);
    transient.bounce.bounceType = 'Transient';
    await handler(snsEvent(transient));
    expect(await stores.unreachable.find(participant)).toMatchObject({ suppressed: false });

    const delivered = bookingLink(participant);
    const deliveredId = await sendNow(delivered);
    await handler(snsEvent({ eventType: 'Delivery', delivery: { timestamp: new Date().toISOString(), recipients: [participant] }, mail: { messageId: deliveredId, timestamp: new Date().toISOString() } }));
    expect(await stores.outbox.get(delivered.messageId)).toMatchObject({ status: 'delivered' });

    expect(await handler(snsEvent(permanentBounce('not-ours', participant)))).toEqual({ 'unknown-email': 1 });
    expect(await handler(snsEvent({ eventType: 'Open' }))).toEqual({ unreadable: 1 });
  });
});

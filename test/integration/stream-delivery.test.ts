import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { savedApplicationRules, type Application, type Area, type OutboundEmail } from '@pip/domain';
import { SesMailer, deliverEmail } from '@pip/mail';
import { loadHandler, type RunningPlatform } from '@pip/local';
import { DynamoApplicationStore, DynamoSavedApplicationStore, ensureTable } from '@pip/storage';
import { goodAnswers } from '../support/application-answers';
import { emailsTo, type ReceivedEmail } from '../support/inbox';
import { platformOfThisFile, storesOf, uniqueEmail, type FilePlatform } from '../support/platform';

/*
 * A new application's email goes from the table's stream, not from the request: the local platform
 * reads DynamoDB Local's stream and invokes the same handler as Lambda would. One application is one
 * email, however many senders try.
 */
let platform: RunningPlatform;
let stores: FilePlatform['stores'];
let base: string;

platformOfThisFile((started) => ({ platform, stores, base } = started));

const apply = (email: string) =>
  fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(email)) });

/** The SES endpoint's store, asked directly: nothing here waits for the stream. */
async function inboxOf(address: string): Promise<ReceivedEmail[]> {
  const { emails } = (await (await fetch(`${platform.sesEndpoint}/store`)).json()) as { emails: ReceivedEmail[] };
  return emails.filter((email) => email.destination.to.includes(address));
}

async function arrivedWithin(address: string, milliseconds: number): Promise<ReceivedEmail[]> {
  const deadline = Date.now() + milliseconds;
  for (;;) {
    const emails = await inboxOf(address);
    if (emails.length > 0 || Date.now() > deadline) return emails;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a new application's email, sent from the table's stream", () => {
  it('arrives with no scheduled delivery running, and the request did not send it', async () => {
    const email = uniqueEmail('streamed');
    const response = await apply(email);
    expect(response.status).toBe(201);
    const { applicationId } = (await response.json()) as { applicationId: string };
    // Generous for a loaded machine: the stream is polled every quarter second.
    const arrived = await arrivedWithin(email, 20_000);
    expect(arrived.map((one) => one.subject)).toEqual([`Application received: Partnership Improvement Programme, Leeds (${applicationId})`]);
    // Marked sent just after the SES endpoint took it: on a busy machine, a moment after it arrived.
    await expect.poll(() => stores.outbox.get(`application-received-${applicationId}`), { timeout: 60_000 }).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('is one email when the stream and the minute delivery both run', async () => {
    const email = uniqueEmail('both');
    const deliver = await loadHandler<() => Promise<unknown>>('deliver-emails');
    expect((await apply(email)).status).toBe(201);
    await Promise.all([deliver(), deliver()]);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it('is one email when the same submission is posted twice at once', async () => {
    const email = uniqueEmail('twice');
    const responses = await Promise.all([apply(email), apply(email)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 201]);
    expect(await emailsTo(email)).toHaveLength(1);
    expect((await stores.applications.listForArea('leeds')).filter((application) => application.answers.email === email)).toHaveLength(1);
  });

  it('is one email when Lambda hands the handler the same record again', async () => {
    const email = uniqueEmail('again');
    const response = await apply(email);
    const { applicationId } = (await response.json()) as { applicationId: string };
    const handler = await loadHandler<(event: unknown) => Promise<{ batchItemFailures: unknown[] }>>('act-on-new-records');
    const event = {
      Records: [
        {
          eventName: 'INSERT',
          eventSourceARN: 'arn:aws:dynamodb:eu-west-2:000000000000:table/pip/stream/1',
          dynamodb: { SequenceNumber: '1', NewImage: { type: { S: 'email' }, status: { S: 'pending' }, deliverOnInsert: { BOOL: true }, messageId: { S: `application-received-${applicationId}` } } },
        },
      ],
    };
    expect(await Promise.all([handler(event), handler(event)])).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
    expect(await emailsTo(email)).toHaveLength(1);
  });
});

describe('an email any use case queues', () => {
  it('goes from the stream once stored when it is due now, and one held for later waits for its time', async () => {
    const to = uniqueEmail('queued');
    const now = new Date().toISOString();
    const email = (label: string, extra: Partial<OutboundEmail> = {}): OutboundEmail => ({ messageId: `${label}-${randomUUID()}`, to, subject: `Queued ${label}`, text: label, html: `<p>${label}</p>`, ...extra });
    const due = email('due');
    const held = email('held', { sendAfter: new Date(Date.now() + 86_400_000).toISOString() });
    expect(await stores.outbox.enqueue(due, now, undefined, [held])).toBe(true);
    const arrived = await arrivedWithin(to, 20_000);
    expect(arrived.map((one) => one.subject)).toEqual(['Queued due']);
    await expect.poll(() => stores.outbox.get(due.messageId), { timeout: 60_000 }).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await stores.outbox.get(held.messageId)).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await emailsTo(to)).map((one) => one.subject)).toEqual(['Queued due']);
  });
});

describe('a reminder to come back to saved answers', () => {
  const tableName = `pip-guard-${randomUUID().slice(0, 8)}`;
  const dynamoEndpoint = inject('dynamoEndpoint');
  const own = storesOf({ dynamoEndpoint, tableName });
  const area: Area = { areaId: 'wigan', name: 'Wigan', regionId: 'north-west', recruitment: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' } };

  beforeAll(async () => {
    // A table no platform reads the stream of: as if the stream had not yet acted on the application.
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'eu-west-2' });
    await ensureTable(client, tableName);
    client.destroy();
  });
  afterAll(() => own.documents.destroy());

  it('is withdrawn unsent once its address has applied, even before the stream acts on the application', async () => {
    const to = uniqueEmail('reminded');
    const now = new Date();
    const reminder: OutboundEmail = {
      messageId: `application-saved-reminder-${area.areaId}-${randomUUID()}`,
      to,
      subject: 'Applications close soon',
      text: 'Come back to your answers.',
      html: '<p>Come back to your answers.</p>',
      areaId: area.areaId,
      sendAfter: new Date(now.getTime() - 60_000).toISOString(),
      notAfter: new Date(now.getTime() + savedApplicationRules.reminderDaysBeforeClose * 86_400_000).toISOString(),
    };
    await new DynamoSavedApplicationStore(own.documents, tableName).putReminder({ email: reminder, resumeUrl: 'http://pip.localhost/apply/wigan/saved/x', linkExpiresAt: reminder.notAfter! }, now.toISOString());
    const application: Application = { applicationId: 'PIP-TEST-0001', areaId: area.areaId, answers: goodAnswers(to) as Application['answers'], submittedAt: now.toISOString(), updatedAt: now.toISOString(), version: 1 };
    const received: OutboundEmail = { messageId: `application-received-${randomUUID()}`, to, subject: 'Application received', text: 'Received.', html: '<p>Received.</p>' };
    expect(await new DynamoApplicationStore(own.documents, tableName).create(application, { email: received })).toBe('written');

    const mailer = new SesMailer({ endpoint: inject('sesEndpoint'), region: 'eu-west-2', from: 'programme@pip.localhost' });
    expect(await deliverEmail({ outbox: own.outbox, unreachable: own.unreachable, mailer, clock: { now: () => new Date() } }, reminder.messageId)).toBe('not-claimed');
    expect(await own.outbox.get(reminder.messageId)).toMatchObject({ status: 'cancelled' });
    expect(await own.outbox.pendingIds(new Date())).not.toContain(reminder.messageId);
    expect(await inboxOf(to)).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Area, AuditEntry } from '@pip/domain';
import { submitApplication } from '@pip/functions/use-cases/recruitment/submit-application';
import { RouteTableLinks } from '@pip/functions/adapters/platform-links';
import { SesMailer, deliverEmail, deliverPendingEmails } from '@pip/mail';
import { DynamoAreaStore, DynamoEmailAllowanceStore, ensureTable } from '@pip/storage';
import { freePort } from '@pip/local';
import { goodAnswers } from '../support/application-answers';
import { emailsTo } from '../support/inbox';
import { storesOf, uniqueEmail } from '../support/platform';

const tableName = `pip-outbox-${randomUUID().slice(0, 8)}`;
const dynamoEndpoint = inject('dynamoEndpoint');
const stores = storesOf({ dynamoEndpoint, tableName });
const clock = { now: () => new Date() };
const from = 'programme@pip.localhost';
const area: Area = {
  areaId: 'wakefield',
  name: 'Wakefield',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
};
const areaAdded: AuditEntry = { areaId: area.areaId, entryId: randomUUID(), at: new Date().toISOString(), actor: { name: 'Test' }, action: 'Area added', summary: 'Wakefield added.' };

beforeAll(async () => {
  const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'eu-west-2' });
  await ensureTable(client, tableName);
  client.destroy();
  await new DynamoAreaStore(stores.documents, tableName).add(area, areaAdded);
});
afterAll(() => stores.documents.destroy());

async function applyAs(email: string) {
  // Nothing is sent at once: each test sends the queued email itself, to an email service up or down.
  const ports = {
    areas: stores.areas,
    applications: stores.applications,
    emailAllowances: new DynamoEmailAllowanceStore(stores.documents, tableName),
    outbox: stores.outbox,
    links: new RouteTableLinks('http://pip.localhost'),
    linkTokens: { newToken: () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url') },
    clock,
    random: (n: number) => crypto.getRandomValues(new Uint8Array(n)),
    delivery: { sendNow: async () => undefined },
    log: () => undefined,
  };
  return submitApplication(ports, area.areaId, goodAnswers(email));
}

describe('the email outbox', () => {
  it('keeps an email the email service refused, and sends it exactly once when the service recovers', async () => {
    const email = uniqueEmail('outage');
    const { email: queued } = await applyAs(email);
    const downMailer = new SesMailer({ endpoint: `http://127.0.0.1:${await freePort()}`, region: 'eu-west-2', from });
    expect(await deliverEmail({ outbox: stores.outbox, unreachable: stores.unreachable, mailer: downMailer, clock }, queued!.messageId)).toBe('failed');
    const pending = await stores.outbox.get(queued!.messageId);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    expect(pending?.lastError).toBeTruthy();
    expect(await emailsTo(email)).toHaveLength(0);

    const upMailer = new SesMailer({ endpoint: inject('sesEndpoint'), region: 'eu-west-2', from });
    // A refused email waits a minute before its next try.
    const later = { now: () => new Date(Date.now() + 2 * 60_000) };
    const delivery = { outbox: stores.outbox, unreachable: stores.unreachable, mailer: upMailer, clock: later };
    const [first, second] = await Promise.all([deliverPendingEmails(delivery), deliverPendingEmails(delivery)]);
    expect(first.sent + second.sent).toBe(1);
    expect(await deliverPendingEmails(delivery)).toEqual({ sent: 0, 'not-claimed': 0, failed: 0, 'given-up': 0, expired: 0 });
    expect(await emailsTo(email)).toHaveLength(1);
    expect(await stores.outbox.get(queued!.messageId)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('never sends an email twice, however many senders try at once', async () => {
    const email = uniqueEmail('senders');
    const { email: queued } = await applyAs(email);
    const mailer = new SesMailer({ endpoint: inject('sesEndpoint'), region: 'eu-west-2', from });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => deliverEmail({ outbox: stores.outbox, unreachable: stores.unreachable, mailer, clock }, queued!.messageId)),
    );
    expect(results.filter((result) => result === 'sent')).toHaveLength(1);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it('keeps a sender\'s claim for its time as the machine counts it, however far the platform\'s clock moves meanwhile', async () => {
    // The local platform's clock jumps days at a time while a send is in flight: a claim measured on it
    // lapsed at once, and a second sender sent the same email again.
    const messageId = `test-${randomUUID()}`;
    const queuedAt = new Date();
    await stores.outbox.enqueue({ messageId, to: uniqueEmail('claimed'), subject: 'Your evaluation', text: 'Please answer.', html: '<p>Please answer.</p>' }, queuedAt.toISOString());
    expect(await stores.outbox.claim(messageId, queuedAt, 1)).toMatchObject({ messageId, status: 'sending' });
    const daysLater = new Date(queuedAt.getTime() + 3 * 24 * 3600 * 1000);
    expect(await stores.outbox.claim(messageId, daysLater, 1)).toBeUndefined();
    // A sender that died still frees it once its claim has lapsed.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await stores.outbox.claim(messageId, daysLater, 1)).toMatchObject({ messageId, status: 'sending' });
  });
});


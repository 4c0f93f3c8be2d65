import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { OutboundEmail } from '@pip/domain';
import { DynamoRetentionStore, ensureTable, keys } from '@pip/storage';
import { storesOf, uniqueEmail } from '../support/platform';

// A table of its own: the retention index is read whole up to a far date, so only this file's emails are on it.
const tableName = `pip-retention-writes-${randomUUID().slice(0, 8)}`;
const stores = storesOf({ dynamoEndpoint: inject('dynamoEndpoint'), tableName });
const retention = new DynamoRetentionStore(stores.documents, tableName);
const FAR = '9999-12-31T00:00:00.000Z';

/** The writes the document client sends, by command name. */
const writes: string[] = [];
stores.documents.middlewareStack.add(
  (next, context) => async (args) => {
    if (/^(Update|Put|Delete|TransactWrite)/u.test(String(context.commandName))) writes.push(String(context.commandName));
    return next(args);
  },
  { step: 'initialize', name: 'countWrites' },
);

beforeAll(async () => {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
  await ensureTable(client, tableName);
  client.destroy();
});
afterAll(() => stores.documents.destroy());

async function sentEmail(label: string): Promise<string> {
  const email: OutboundEmail = { messageId: `test-${randomUUID()}`, to: uniqueEmail(label), subject: 'Your application', text: 'Thank you.', html: '<p>Thank you.</p>' };
  const now = new Date();
  await stores.outbox.enqueue(email, now.toISOString());
  expect(await stores.outbox.claim(email.messageId, now, 60)).toMatchObject({ messageId: email.messageId, status: 'sending' });
  await stores.outbox.markSent(email.messageId, now, `ses-${randomUUID()}`);
  return email.messageId;
}

async function redactedWithWrites(messageId: string): Promise<{ item: Record<string, unknown> | undefined; writes: number }> {
  const due = (await retention.emailsDue(FAR)).find((one) => one.messageId === messageId);
  expect(due).toBeDefined();
  writes.length = 0;
  expect(await retention.redactEmail(due!, new Date().toISOString())).toBe(true);
  const counted = writes.length;
  const { Item } = await stores.documents.send(new (await import('@aws-sdk/lib-dynamodb')).GetCommand({ TableName: tableName, Key: keys.email(messageId) }));
  return { item: Item, writes: counted };
}

describe('the retention pass redacting an email', () => {
  it('takes one write for an email the email service never reported on', async () => {
    const { item, writes: count } = await redactedWithWrites(await sentEmail('unreported'));
    expect(count).toBe(1);
    expect(item).toHaveProperty('redactedAt');
    for (const field of ['subject', 'text', 'html', 'to', 'gsi3pk']) expect(item).not.toHaveProperty(field);
  });

  it('takes one write for an email with a report, and the report keeps only when it came', async () => {
    const messageId = await sentEmail('reported');
    await stores.outbox.recordOutcome(messageId, { status: 'bounced', detail: 'reported.x@example.org: mailbox unknown', at: new Date().toISOString() });
    const { item, writes: count } = await redactedWithWrites(messageId);
    expect(count).toBe(1);
    expect(item).toMatchObject({ status: 'bounced' });
    expect(item?.outcome).not.toHaveProperty('detail');
    expect(item?.outcome).toHaveProperty('at');
  });
});

import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject, vi } from 'vitest';
import type { OutboundEmail } from '@pip/domain';
import { loadHandler, type RunningPlatform } from '@pip/local';
import { ensureTable } from '@pip/storage';
import { platformMetrics } from '@pip/functions/kit/metric-names';
import { startTestPlatform, storesOf } from '../support/platform';

/* The age of the oldest email still waiting in the outbox: what the store reads to answer it, and the figure delivery reports every run. */
const MINUTE = 60_000;
const email = (label: string, sendAfter?: string): OutboundEmail => ({
  messageId: `${label}-${randomUUID()}`,
  to: `${label}@example.org`,
  subject: `About ${label}`,
  text: 'Text',
  html: '<p>Text</p>',
  ...(sendAfter ? { sendAfter } : {}),
});

describe('the oldest email waiting in the outbox', () => {
  const tableName = `pip-outbox-age-${randomUUID().slice(0, 8)}`;
  const stores = storesOf({ dynamoEndpoint: inject('dynamoEndpoint'), tableName });

  beforeAll(async () => {
    const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
    await ensureTable(client, tableName);
    client.destroy();
  });
  afterAll(() => stores.documents.destroy());

  it('is the email that fell due first and is still unsent; a reminder not yet due and an email waiting for its next try are not waiting', async () => {
    const now = new Date();
    const at = (offset: number) => new Date(now.getTime() + offset).toISOString();
    expect(await stores.outbox.oldestDueAt(now)).toBeUndefined();

    const older = email('older');
    const newer = email('newer');
    const reminder = email('reminder', at(24 * 60 * MINUTE));
    await stores.queueForMinuteDelivery(reminder, at(-20 * MINUTE));
    await stores.queueForMinuteDelivery(older, at(-10 * MINUTE));
    await stores.queueForMinuteDelivery(newer, at(-2 * MINUTE));
    expect(await stores.outbox.oldestDueAt(now)).toBe(at(-10 * MINUTE));

    await stores.outbox.markSent(older.messageId, now, 'ses-older');
    expect(await stores.outbox.oldestDueAt(now)).toBe(at(-2 * MINUTE));

    await stores.outbox.release(newer.messageId, 'Throttling', at(5 * MINUTE));
    expect(await stores.outbox.oldestDueAt(now)).toBeUndefined();
    // Once its next try is due it waits again, before the reminder that falls due later.
    expect(await stores.outbox.oldestDueAt(new Date(now.getTime() + 48 * 60 * MINUTE))).toBe(at(5 * MINUTE));
  });
});

describe('the scheduled delivery', () => {
  let platform: RunningPlatform;
  const published: Record<string, unknown>[] = [];

  beforeAll(async () => {
    // The local platform turns metrics off; here they are on, and captured from the console they are written to.
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    platform = await startTestPlatform();
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      if (typeof line === 'string' && line.includes('"_aws"')) published.push(JSON.parse(line) as Record<string, unknown>);
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await platform?.stop();
  });

  const deliver = async () => (await loadHandler<() => Promise<unknown>>('deliver-emails'))();
  const ageReported = () => published.at(-1)?.[platformMetrics.oldestUnsentEmailAge];

  it('reports 0 when nothing waits, every run', async () => {
    await deliver();
    await deliver();
    expect(published.map((line) => line[platformMetrics.oldestUnsentEmailAge])).toEqual([0, 0]);
  });

  it('reports how long the oldest email it could not send has waited', async () => {
    const stores = storesOf(platform);
    const stuck = email('stuck');
    await stores.queueForMinuteDelivery(stuck, new Date(Date.now() - 10 * MINUTE).toISOString());
    // Another sender holds it, as one that died mid-send does until its claim lapses.
    expect(await stores.outbox.claim(stuck.messageId, new Date(), 600)).toMatchObject({ messageId: stuck.messageId, status: 'sending' });
    await deliver();
    stores.documents.destroy();
    expect(ageReported()).toBeGreaterThanOrEqual(600);
    expect(ageReported()).toBeLessThan(660);
  });
});

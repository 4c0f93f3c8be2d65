import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { deliveryRules, ERASED_ADDRESS_DOMAIN, MINUTE, type OutboundEmail } from '@pip/domain';
import { DELIVERING_AT_ONCE, SesMailer, deliverEmail, deliverPendingEmails } from '@pip/mail';
import { ensureTable } from '@pip/storage';
import { freePort } from '@pip/local';
import { emailsTo } from '../support/inbox';
import { storesOf, uniqueEmail } from '../support/platform';

const tableName = `pip-delivery-${randomUUID().slice(0, 8)}`;
const stores = storesOf({ dynamoEndpoint: inject('dynamoEndpoint'), tableName });
const from = 'programme@pip.localhost';
const upMailer = () => new SesMailer({ endpoint: inject('sesEndpoint'), region: 'eu-west-2', from });

/** A platform clock the test moves, as the scheduled delivery would meet it minute after minute. */
function movableClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

/** What staff are shown of an address the outbox gave up on. */
const unreachableRecord = (address: string) => stores.unreachable.find(address);
const email = (to: string, extra: Partial<OutboundEmail> = {}): OutboundEmail => ({
  messageId: `test-${randomUUID()}`,
  to,
  subject: 'Reminder: workshop 1 is tomorrow',
  text: 'Workshop 1 is tomorrow at 9:30am.',
  html: '<p>Workshop 1 is tomorrow at 9:30am.</p>',
  ...extra,
});

beforeAll(async () => {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
  await ensureTable(client, tableName);
  client.destroy();
});
afterAll(() => stores.documents.destroy());

describe('delivering the outbox', () => {
  it('retries an email the service cannot take now later and later, never more than four hours apart, for as long as the service is away, and sends it once it is back', async () => {
    // An outage of two days: past the eight tries (about two hours) after which the outbox used to give up and lose the email.
    const clock = movableClock();
    const to = uniqueEmail('outage');
    const queued = email(to);
    await stores.outbox.enqueue(queued, clock.now().toISOString());
    const downMailer = new SesMailer({ endpoint: `http://127.0.0.1:${await freePort()}`, region: 'eu-west-2', from });
    const delivery = { outbox: stores.outbox, unreachable: stores.unreachable, mailer: downMailer, clock };

    const gaps: number[] = [];
    const outageEnds = clock.now().getTime() + 2 * 24 * 60 * MINUTE;
    while (clock.now().getTime() < outageEnds) {
      expect(await deliverEmail(delivery, queued.messageId)).toBe('failed');
      const stored = await stores.outbox.get(queued.messageId);
      expect(stored?.lastError).toBeTruthy();
      // Not tried again before its time: the next run of the delivery leaves it alone.
      expect(await deliverPendingEmails(delivery)).toMatchObject({ sent: 0, failed: 0 });
      const gap = Date.parse(stored!.sendAfter!) - clock.now().getTime();
      gaps.push(gap);
      clock.advance(gap);
    }
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(gaps[0]).toBeGreaterThanOrEqual(MINUTE);
    expect(Math.max(...gaps)).toBe(deliveryRules.longestRetryAfter);
    expect(await deliverEmail({ ...delivery, mailer: upMailer() }, queued.messageId)).toBe('sent');
    expect(await emailsTo(to)).toHaveLength(1);
    expect(await unreachableRecord(to)).toBeUndefined();
  });

  it('gives up at once on an email the email service can never take, and says why', async () => {
    const clock = movableClock();
    const to = uniqueEmail('malformed');
    const queued = email(to, { subject: 'Lone\uD800Surrogate' });
    await stores.outbox.enqueue(queued, clock.now().toISOString());
    expect(await deliverEmail({ outbox: stores.outbox, unreachable: stores.unreachable, mailer: upMailer(), clock }, queued.messageId)).toBe('given-up');
    expect(await stores.outbox.get(queued.messageId)).toMatchObject({ status: 'given-up', attempts: 1 });
    expect(await emailsTo(to)).toHaveLength(0);
  });

  it('sends nothing to an address an erasure gave, and says why', async () => {
    const clock = movableClock();
    const to = `person-${randomUUID().slice(0, 8)}@${ERASED_ADDRESS_DOMAIN}`;
    const queued = email(to);
    await stores.outbox.enqueue(queued, clock.now().toISOString());
    expect(await deliverEmail({ outbox: stores.outbox, unreachable: stores.unreachable, mailer: upMailer(), clock }, queued.messageId)).toBe('given-up');
    expect(await stores.outbox.get(queued.messageId)).toMatchObject({ status: 'given-up', lastError: expect.stringContaining('erased') });
    expect(await emailsTo(to)).toHaveLength(0);
  });

  it('never sends a reminder once its event has started, however late the delivery runs', async () => {
    const clock = movableClock();
    const to = uniqueEmail('late');
    const startsAt = new Date(clock.now().getTime() + 24 * 60 * MINUTE).toISOString();
    const reminder = email(to, { sendAfter: clock.now().toISOString(), notAfter: startsAt });
    await stores.outbox.enqueue(reminder, clock.now().toISOString());
    clock.advance(30 * 24 * 60 * MINUTE);
    expect(await deliverPendingEmails({ outbox: stores.outbox, unreachable: stores.unreachable, mailer: upMailer(), clock })).toMatchObject({ sent: 0, expired: 1 });
    expect(await stores.outbox.get(reminder.messageId)).toMatchObject({ status: 'expired' });
    expect(await emailsTo(to)).toHaveLength(0);
  });

  it('stops waiting for an email service that never answers, well within the claim, and tries again later', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      const clock = movableClock();
      const queued = email(uniqueEmail('hung'));
      await stores.outbox.enqueue(queued, clock.now().toISOString());
      const hungMailer = new SesMailer({ endpoint: `http://127.0.0.1:${port}`, region: 'eu-west-2', from, requestTimeoutMs: 500 });
      const started = Date.now();
      expect(await deliverEmail({ outbox: stores.outbox, unreachable: stores.unreachable, mailer: hungMailer, clock }, queued.messageId)).toBe('failed');
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(await stores.outbox.get(queued.messageId)).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('a run of the delivery while the email service is away', () => {
  // A table of its own, so that what other tests left waiting cannot take this run's turns.
  const awayTable = `pip-delivery-away-${randomUUID().slice(0, 8)}`;
  const away = storesOf({ dynamoEndpoint: inject('dynamoEndpoint'), tableName: awayTable });
  beforeAll(async () => {
    const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
    await ensureTable(client, awayTable);
    client.destroy();
  });
  afterAll(() => away.documents.destroy());

  it('stops taking emails after a failure that may pass, and the next runs send every one once', async () => {
    const clock = movableClock();
    const queued = Array.from({ length: 3 * DELIVERING_AT_ONCE }, (_, index) => email(uniqueEmail(`away-${index}`)));
    for (const each of queued) await away.outbox.enqueue(each, clock.now().toISOString());
    const downMailer = new SesMailer({ endpoint: `http://127.0.0.1:${await freePort()}`, region: 'eu-west-2', from });

    const down = await deliverPendingEmails({ outbox: away.outbox, unreachable: away.unreachable, mailer: downMailer, clock });
    expect(down.sent).toBe(0);
    expect(down.failed).toBeGreaterThanOrEqual(1);
    expect(down.failed).toBeLessThanOrEqual(DELIVERING_AT_ONCE);
    const stored = await Promise.all(queued.map((each) => away.outbox.get(each.messageId)));
    // Those the run never tried are untouched: still due now, not pushed back as if they had failed.
    expect(stored.filter((each) => each?.attempts === 0)).toHaveLength(queued.length - down.failed);
    expect(stored.every((each) => each?.status === 'pending')).toBe(true);

    clock.advance(24 * 60 * MINUTE);
    const delivery = { outbox: away.outbox, unreachable: away.unreachable, mailer: upMailer(), clock };
    expect(await deliverPendingEmails(delivery)).toMatchObject({ sent: queued.length, failed: 0 });
    expect(await deliverPendingEmails(delivery)).toMatchObject({ sent: 0, failed: 0 });
    for (const each of queued) expect(await emailsTo(each.to)).toHaveLength(1);
  });
});

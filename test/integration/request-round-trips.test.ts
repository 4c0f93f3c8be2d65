import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { SesMailer, deliverEmail } from '@pip/mail';
import { goodAnswers, goodForm } from '../support/application-answers';
import { emailsTo } from '../support/inbox';
import { platformOfThisFile, uniqueEmail, type FilePlatform } from '../support/platform';
import { countDynamoCalls, countInto, emptyTally, requestTallies, type CallTally } from '../bench/dynamo-calls';

/*
 * What an applicant's request asks of the table, counted call by call as the round-trips bench counts
 * them (an SDK middleware on every client of this process, the platform's included): an email is read
 * by its key, never by its whole partition, and saving answers (with their reminder) or a change of them
 * is one transaction, its email sent from the table's stream rather than inside the request.
 */
countDynamoCalls();
/** A personal link in an email: its secret, then what it opens (the area and the application). */
const LINK_TO = (path: string) => new RegExp(`/${path}/[\\w-]{43}(?:\\.[\\w-]+){0,2}`, 'u');
let base: string;
let stores: FilePlatform['stores'];
platformOfThisFile((started) => ({ base, stores } = started));

/** One request, with every DynamoDB call it caused counted. */
async function counted(method: 'GET' | 'POST', path: string, form?: URLSearchParams): Promise<{ status: number; text: string; tally: CallTally }> {
  const id = randomUUID();
  const tally = emptyTally();
  requestTallies.set(id, tally);
  try {
    const headers: Record<string, string> = { 'x-bench-tally': id, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) };
    const response = await fetch(`${base}${path}`, { method, headers, body: form?.toString() });
    return { status: response.status, text: await response.text(), tally };
  } finally {
    requestTallies.delete(id);
  }
}

describe('an applicant’s request, in calls to the table', () => {
  it('delivering a waiting email reads it by its key, never its whole partition', async () => {
    const queued = { messageId: `reads-${randomUUID()}`, to: uniqueEmail('reads'), subject: 'Workshop 1 is tomorrow', text: 'Workshop 1 is tomorrow at 9:30am.', html: '<p>Workshop 1 is tomorrow at 9:30am.</p>' };
    await stores.queueForMinuteDelivery(queued, new Date().toISOString());
    const mailer = new SesMailer({ endpoint: inject('sesEndpoint'), region: 'eu-west-2', from: 'programme@pip.localhost' });
    const tally = emptyTally();

    expect(await countInto(tally, () => deliverEmail({ outbox: stores.outbox, unreachable: stores.unreachable, mailer, clock: { now: () => new Date() } }, queued.messageId))).toBe('sent');
    // The bench's "whole partition": a Query of the table with no sort key condition.
    expect(tally.wholePartitionReads).toBe(0);
    expect(tally.commands.Query).toBeUndefined();
    expect(await stores.outbox.get(queued.messageId)).toMatchObject({ status: 'sent', text: queued.text });
  });

  it('saving answers to come back to is one transaction, with the reminder; the link’s email follows from the table’s stream', async () => {
    const email = uniqueEmail('saver-reads');
    const save = new URLSearchParams({ fullName: 'Bea Saver', email, organisation: 'Wigan Council', page: 'your-role', action: 'save', saveRequest: randomUUID().replaceAll('-', '') });
    const { status, tally } = await counted('POST', '/apply/leeds', save);

    expect(status).toBe(200);
    // The answers, the link's email, the day's count and the reminder: one transaction.
    expect(tally.commands).toMatchObject({ TransactWriteItems: 1 });
    expect(tally.writes).toBe(1);
    // Nothing claimed or sent inside the request; the area, then whether the address has applied (no reminder if so).
    expect(tally.commands.UpdateItem).toBeUndefined();
    expect(tally.readWaves).toBe(2);
    expect(tally.wholePartitionReads).toBe(0);
    expect((await emailsTo(email)).map((message) => message.subject)).toContainEqual(expect.stringContaining('Your saved application'));
  });

  it('sending a change of answers through the link is one transaction; the email follows from the table’s stream', async () => {
    const email = uniqueEmail('changer-reads');
    const created = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(email)) });
    expect(created.status).toBe(201);
    const own = LINK_TO('application').exec((await emailsTo(email))[0]?.body.text ?? '')?.[0];
    expect(own).toBeDefined();

    const { status, text, tally } = await counted('POST', `${own}/send`, goodForm(email, { jobTitle: 'Director of Partnerships' }));

    expect(status, text.slice(0, 300)).toBe(200);
    expect(tally.commands).toMatchObject({ TransactWriteItems: 1 });
    expect(tally.writes).toBe(1);
    // The link beside the area and the application's copy on the reference index (the token names both):
    // the change is written at that copy's version, so a copy a moment old would only lose the race.
    // Nothing is read after the decision: the email is the stream's to send.
    expect(tally.readWaves).toBe(1);
    expect(tally.wholePartitionReads).toBe(0);
    expect((await emailsTo(email)).map((message) => message.subject)).toContainEqual(expect.stringContaining('Application updated'));
  });

  it('opening an applicant’s own link reads the link and their application side by side: one round trip', async () => {
    const email = uniqueEmail('opener-reads');
    const created = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(email)) });
    expect(created.status).toBe(201);
    const own = LINK_TO('application').exec((await emailsTo(email))[0]?.body.text ?? '')?.[0];
    expect(own).toBeDefined();

    const { status, text, tally } = await counted('GET', own!);

    expect(status, text.slice(0, 300)).toBe(200);
    expect(text).toContain(email);
    expect(tally.readWaves).toBe(1);
    expect(tally.writes).toBe(0);
  });

  it('a link whose token is changed opens nothing, whatever it names', async () => {
    const email = uniqueEmail('tamper-reads');
    const created = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(email)) });
    expect(created.status).toBe(201);
    const own = LINK_TO('application').exec((await emailsTo(email))[0]?.body.text ?? '')![0];
    const other = uniqueEmail('tamper-other');
    const second = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(other)) });
    const { applicationId } = (await second.json()) as { applicationId: string };
    // The same secret naming another applicant: the name is part of what the stored hash was made from.
    const renamed = own.replace(/PIP-[0-9A-Z]{4}-[0-9A-Z]{4}$/u, applicationId);
    expect(renamed).not.toBe(own);
    const response = await fetch(`${base}${renamed}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(other);
  });

  it('a person’s record is read in two round trips, whatever the number of areas', async () => {
    const email = uniqueEmail('record-reads');
    const created = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(email)) });
    expect(created.status).toBe(201);
    const { applicationId } = (await created.json()) as { applicationId: string };
    await expect.poll(async () => (await emailsTo(email)).length).toBe(1);
    const tally = emptyTally();

    const record = await countInto(tally, () => stores.people.gather(email.toUpperCase()));

    expect(record.applications.map((held) => held.application.applicationId)).toEqual([applicationId]);
    expect(record.emails.map((held) => held.subject)).toEqual([expect.stringContaining('Application received')]);
    expect(record.links.map((link) => link.purpose)).toContain('application');
    // The areas, the person index, the address's delivery problems and the partners; then the application in
    // each area, the index's items read again, each partner's nominations and the application's own records.
    expect(tally.readWaves).toBe(2);
    expect(tally.wholePartitionReads).toBe(0);
  });
});

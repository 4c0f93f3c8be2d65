import { describe, expect, it } from 'vitest';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { tableStreamsSettled } from '@pip/local';
import { formatUkDateTime, type Application } from '@pip/domain';
import type { RunningPlatform } from '@pip/local';
import { applicantEmails } from '@pip/mail';
import { DynamoPersonRecordsStore, DynamoRetentionStore, applicationWriteItems, keys } from '@pip/storage';
import { goodAnswers } from '../support/application-answers';
import { emailsTo } from '../support/inbox';
import { platformOfThisFile, uniqueEmail, type FilePlatform } from '../support/platform';

/**
 * A new application's email waits in the outbox as its template and the facts it is worded from (a
 * small item, written three times: table, pending list, person index), and is worded as it is sent:
 * what the applicant receives, and what the outbox keeps for the record (in an item of its own beside
 * the email, on no index), are the wording.
 */
let platform: RunningPlatform;
let stores: FilePlatform['stores'];
let base: string;

platformOfThisFile((started) => ({ platform, stores, base } = started));

describe("a new application's email", () => {
  it('waits without its wording, in an item under 1 KB', async () => {
    const area = await stores.areas.existing('leeds');
    const at = new Date().toISOString();
    const answers = goodAnswers(uniqueEmail('waiting')) as Application['answers'];
    const application: Application = { applicationId: 'PIP-7K3F-Q9XM', areaId: 'leeds', answers, submittedAt: at, updatedAt: at, version: 1 };
    const email = applicantEmails.applicationReceived(area, application, { url: `${base}/application/${'x'.repeat(43)}`, expiresAt: area.recruitment.closesAt });
    // Queued as the store queues it, without `deliverOnInsert`, so nothing sends it while it is read.
    await stores.documents.send(new TransactWriteCommand({ TransactItems: applicationWriteItems(platform.tableName, application, { email, acceptedUnder: area }, 'attribute_not_exists(pk)', {}) }));

    const { Item } = await stores.documents.send(new GetCommand({ TableName: platform.tableName, Key: keys.email(email.messageId) }));

    expect(Item).toMatchObject({ status: 'pending', subject: '', text: '', html: '', template: { name: 'application-received' } });
    expect(Buffer.byteLength(JSON.stringify(Item))).toBeLessThan(1024);
  });

  it('is worded as it is sent, as it was worded when queued, and keeps that wording for the record without its template', async () => {
    const address = uniqueEmail('worded');
    const response = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(address)) });
    expect(response.status).toBe(201);
    const { applicationId } = (await response.json()) as { applicationId: string };
    const area = await stores.areas.existing('leeds');

    const [received] = await emailsTo(address);
    const kept = await stores.outbox.get(`application-received-${applicationId}`);

    expect(received?.subject).toBe(`Application received: Partnership Improvement Programme, Leeds (${applicationId})`);
    expect(received?.body.text).toContain('Dear Amira Okafor,');
    expect(received?.body.text).toContain(`Applications close at ${formatUkDateTime(area.recruitment.closesAt)}`);
    expect(received?.body.text).toMatch(/\/application\/[A-Za-z0-9_-]{20,}/u);
    expect(kept).toMatchObject({ status: 'sent', subject: received?.subject, text: received?.body.text, html: received?.body.html });
    expect(kept?.template).toBeUndefined();
  });

  /** An application sent through the JSON API, and its email once the table's stream has sent it. */
  async function sentApplication(name: string): Promise<{ address: string; messageId: string }> {
    const address = uniqueEmail(name);
    const response = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(address)) });
    expect(response.status).toBe(201);
    const { applicationId } = (await response.json()) as { applicationId: string };
    await emailsTo(address);
    await tableStreamsSettled();
    return { address, messageId: `application-received-${applicationId}` };
  }
  const itemOf = async (key: Record<string, string>) => (await stores.documents.send(new GetCommand({ TableName: platform.tableName, Key: key, ConsistentRead: true }))).Item;

  it('keeps its wording, once sent, beside the email and on no index, so the email and its index copies stay under 1 KB', async () => {
    const { messageId } = await sentApplication('apart');

    const email = await itemOf(keys.email(messageId));
    const wording = await itemOf(keys.emailWording(messageId));

    expect(email).toMatchObject({ status: 'sent', wordingApart: true, subject: expect.stringContaining('Application received') });
    expect(email).not.toHaveProperty('text');
    expect(email).not.toHaveProperty('html');
    expect(Buffer.byteLength(JSON.stringify(email))).toBeLessThan(1024);
    expect(wording?.text).toContain('Dear Amira Okafor,');
    expect(Object.keys(wording ?? {}).filter((name) => /^gsi/u.test(name))).toEqual([]);
  });

  it("is in the person's export with what it said, and goes with them when they are erased", async () => {
    const { address, messageId } = await sentApplication('exported');
    const records = new DynamoPersonRecordsStore(stores.documents, platform.tableName);

    const exported = await records.gather(address);
    expect(exported.emails.find((one) => one.messageId === messageId)?.text).toContain('Dear Amira Okafor,');

    await records.erasePerson(address, { staffId: 'staff-1', name: 'Staff One' }, new Date().toISOString());
    expect(await itemOf(keys.emailWording(messageId))).toBeUndefined();
    expect(await itemOf(keys.email(messageId))).toMatchObject({ text: '', html: '' });
  });

  it('goes with the email\'s wording when the retention pass finds it due', async () => {
    const { messageId } = await sentApplication('retained');
    const retention = new DynamoRetentionStore(stores.documents, platform.tableName);
    const due = (await retention.emailsDue('9999-12-31T00:00:00.000Z')).find((one) => one.messageId === messageId);
    expect(due).toMatchObject({ status: 'sent', wordingApart: true });

    expect(await retention.redactEmail(due!, new Date().toISOString())).toBe(true);

    expect(await itemOf(keys.emailWording(messageId))).toBeUndefined();
    const email = await itemOf(keys.email(messageId));
    expect(email).toHaveProperty('redactedAt');
    for (const field of ['subject', 'text', 'html', 'to', 'wordingApart', 'gsi3pk']) expect(email).not.toHaveProperty(field);
  });
});

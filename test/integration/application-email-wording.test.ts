import { describe, expect, it } from 'vitest';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { formatUkDateTime, type Application } from '@pip/domain';
import type { RunningPlatform } from '@pip/local';
import { applicantEmails } from '@pip/mail';
import { applicationWriteItems, keys } from '@pip/storage';
import { goodAnswers } from '../support/application-answers';
import { emailsTo } from '../support/inbox';
import { platformOfThisFile, uniqueEmail, type FilePlatform } from '../support/platform';

/**
 * A new application's email waits in the outbox as its template and the facts it is worded from (a
 * small item, written four times: table, pending list, person index, retention index), and is worded
 * as it is sent: what the applicant receives, and what the outbox keeps for the record, are the wording.
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
});

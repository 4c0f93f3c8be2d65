import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DAY, periodInWords, retentionRule, type AuditEntry, type PartnerNomination } from '@pip/domain';
import { loadHandler, localStaff, type RunningPlatform } from '@pip/local';
import { DynamoPartnerStore, type Item } from '@pip/storage';
import type { RetentionCounts } from '@pip/functions/use-cases/retention/apply-retention';
import { emailsTo } from '../support/inbox';
import { startTestPlatform, storesOf, uniqueEmail } from '../support/platform';
import { apply, openArea, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';

/*
 * The daily retention pass against DynamoDB Local: the platform clock moved past each period of the
 * schedule, a day short of it first. Applications open now and close in a day, so:
 *   the applicant's own link expires 21 days after they close (day 22),
 *   the wording of an email sent now is due on day 30,
 *   a nomination nobody followed up is due 30 days after applications close (day 31),
 *   an unreachable address recorded now is due on day 360.
 * The application rules are tested in retention-applications.test.ts (and, for every kind of
 * applicant, in test/unit/use-cases/apply-retention.test.ts).
 */
const AREA = `retention-${randomUUID().slice(0, 6)}`;
let platform: RunningPlatform;
let stores: ReturnType<typeof storesOf>;
let partners: DynamoPartnerStore;
let sam: StaffSession;
let applicant: Applicant;
let bounced: Applicant;
let ownLink: string;
const nobodyApplied = uniqueEmail('nominee');
const heldId = `held-${randomUUID()}`;
const areaEmailId = `area-email-${randomUUID()}`;
const failedId = `failed-${randomUUID()}`;
const unreachableAddress = uniqueEmail('unreachable');
const start = Date.now();

const moveClockTo = (days: number) => (process.env.PIP_LOCAL_CLOCK_OFFSET_MS = String(start + days * DAY - Date.now()));
const pass = async () => (await loadHandler<() => Promise<RetentionCounts>>('apply-retention'))();
const deliver = async () => (await loadHandler<() => Promise<unknown>>('deliver-emails'))();

async function scan(): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await stores.documents.send(new ScanCommand({ TableName: platform.tableName, ConsistentRead: true, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

const emailItem = async (messageId: string) => (await scan()).find((item) => item.pk === `EMAIL#${messageId}`);
const nominationOf = (candidateEmail: string): PartnerNomination => ({
  partnerId: 'acre-retention',
  areaId: AREA,
  candidateName: 'Nina Nominee',
  candidateEmail,
  candidateOrganisation: 'Nominee Trust',
  reason: 'Leads the local infrastructure body',
  nominatedAt: new Date().toISOString(),
});
/** What a nomination is stored with: its timeline entry (its emails are beside the point here). */
const nominationTold = () => ({
  audit: { areaId: AREA, entryId: randomUUID(), at: new Date().toISOString(), actor: { name: 'ACRE' }, action: 'Nomination made', summary: 'ACRE nominated a candidate.', kind: 'form' as const },
  emails: [],
});
const nominations = async () => (await partners.nominationsOf('acre-retention')).map((nomination) => nomination.candidateEmail).sort();
const retentionEntries = async (): Promise<AuditEntry[]> => (await stores.audit.listForArea(AREA)).filter((entry) => entry.kind === 'retention');
const openOwnLink = () => fetch(`${platform.url}${ownLink}`);

beforeAll(async () => {
  platform = await startTestPlatform();
  stores = storesOf(platform);
  partners = new DynamoPartnerStore(stores.documents, platform.tableName);
  sam = staffSession(platform, localStaff[0]);
  await openArea(platform, AREA, 'Retentionshire');
  applicant = await apply(platform, AREA, 'kept');
  bounced = await apply(platform, AREA, 'bounced');
  for (let tries = 0; (await emailsTo(applicant.email)).length === 0 && tries < 50; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  ownLink = /\/application\/[\w-]{43}(?:\.[\w-]+){0,2}/u.exec((await emailsTo(applicant.email))[0]!.body.text ?? '')![0];

  const now = new Date().toISOString();
  // An email about the area, sent now; one held for a reminder far ahead; one that bounced at the applicant's mistyped address.
  await stores.queueForMinuteDelivery({ messageId: areaEmailId, to: applicant.email, subject: 'Your place', text: 'Dear Kept', html: '<p>Dear Kept</p>', areaId: AREA }, now);
  await stores.queueForMinuteDelivery({ messageId: heldId, to: applicant.email, subject: 'Reminder', text: 'Soon', html: '<p>Soon</p>', areaId: AREA, sendAfter: new Date(start + 400 * DAY).toISOString() }, now);
  await stores.queueForMinuteDelivery({ messageId: failedId, to: bounced.email, subject: 'Book a session', text: 'Choose a time', html: '<p>Choose a time</p>', areaId: AREA }, now);
  await deliver();
  await stores.outbox.recordOutcome(failedId, { status: 'bounced', detail: `550 ${bounced.email} does not exist`, at: now });
  await stores.unreachable.record({ address: bounced.email, problem: 'bounced', suppressed: true, reason: `550 ${bounced.email} unknown`, at: now, messageId: failedId, subject: 'Book a session' });
  await stores.unreachable.record({ address: unreachableAddress, problem: 'bounced', suppressed: false, reason: 'Mailbox full', at: now, messageId: failedId, subject: 'Book a session' });
  // Two nominations: one person went on to apply, the other never did.
  await partners.recordNomination(nominationOf(applicant.email), nominationTold());
  await partners.recordNomination(nominationOf(nobodyApplied), nominationTold());
});
afterAll(async () => {
  delete process.env.PIP_LOCAL_CLOCK_OFFSET_MS;
  stores?.documents.destroy();
  await platform?.stop();
});

describe('the retention pass', () => {
  it('removes nothing before anything is due', async () => {
    moveClockTo(21);
    const before = await scan();
    expect(await pass()).toEqual({});
    expect(await scan()).toEqual(before);
    expect((await openOwnLink()).status).toBe(200);
  });

  it('removes a personal link once it has expired: it then answers that it does not work', async () => {
    moveClockTo(22 - 1 / 24);
    expect((await openOwnLink()).status).toBe(200);
    moveClockTo(22 + 1 / 24);
    // Expired but still there: it says so.
    expect((await openOwnLink()).status).toBe(410);
    const counts = await pass();
    expect(counts['emailed-links']).toBeGreaterThanOrEqual(2);
    const answer = await openOwnLink();
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain('This link does not work');
    expect((await scan()).filter((item) => item.type === 'link')).toEqual([]);
  });

  it('keeps the wording of emails until the period after sending ends, then keeps only what became of them', async () => {
    moveClockTo(29);
    expect(await pass()).toEqual({});
    expect((await emailItem(areaEmailId))?.text).toBe('Dear Kept');

    moveClockTo(30 + 1 / 24);
    const counts = await pass();
    expect(counts['email-content']).toBeGreaterThanOrEqual(4);
    const redacted = await emailItem(areaEmailId);
    expect(redacted).toMatchObject({ status: 'sent', messageId: areaEmailId, areaId: AREA });
    expect(redacted?.sentAt).toBeDefined();
    expect(redacted?.sesMessageId).toBeDefined();
    for (const field of ['to', 'subject', 'text', 'html', 'gsi3pk', 'gsi3sk']) expect(redacted).not.toHaveProperty(field);
    // Still found by the email service's id for a late report, and still on the person index.
    expect(redacted?.gsi1pk).toBe(`SES#${redacted?.sesMessageId}`);
    expect(redacted?.gsi2pk).toMatch(/^PERSON#/);
    // An email still waiting to go keeps its wording: its period starts when it is sent, and it joins the retention index only then.
    expect(await emailItem(heldId)).toMatchObject({ status: 'pending', text: 'Soon' });
    expect(await emailItem(heldId)).not.toHaveProperty('gsi3pk');
    // Nothing of any email's wording is left anywhere in the table but the held one's.
    const worded = (await scan()).filter((item) => item.type === 'email' && item.text !== undefined).map((item) => item.messageId);
    expect(worded).toEqual([heldId]);
    // What the email service said of an address goes too; when it said it stays.
    const failed = await emailItem(failedId);
    expect(failed).toMatchObject({ status: 'bounced', outcome: { at: expect.any(String) } });
    expect(failed?.outcome).not.toHaveProperty('detail');
    expect(JSON.stringify(failed)).not.toContain(bounced.email);
  });

  it('keeps a later report on a redacted email without the address it may quote', async () => {
    const at = new Date().toISOString();
    await stores.outbox.recordOutcome(areaEmailId, { status: 'complained', detail: `Complaint from ${applicant.email}`, at });
    const reported = await emailItem(areaEmailId);
    expect(reported).toMatchObject({ status: 'complained', outcome: { at } });
    expect(JSON.stringify(reported)).not.toContain(applicant.email);
    // Read back as the outbox port gives it: empty where the wording was.
    expect(await stores.outbox.get(areaEmailId)).toMatchObject({ to: '', subject: '', text: '', html: '', status: 'complained', outcome: { detail: '', at } });
  });

  it('corrects an address without sending again an email whose wording has gone, and says so in the timeline', async () => {
    const corrected = uniqueEmail('corrected');
    const answer = await sam.post(`/staff/areas/${AREA}/applications/${bounced.applicationId}/email`, { email: corrected });
    expect(answer.status).toBeLessThan(400);
    expect((await stores.applications.findByReference(AREA, bounced.applicationId))?.answers.email).toBe(corrected);
    // Nothing was queued to the new address: there was no wording left to send.
    expect((await scan()).filter((item) => item.type === 'email' && item.to === corrected)).toEqual([]);
    const timeline = await (await sam.get(`/staff/areas/${AREA}/timeline`)).text();
    expect(timeline).toContain(`older than ${periodInWords(retentionRule('email-content').days)}, so its wording is no longer kept`);
  });

  it('removes a nomination nobody followed up, counted from when applications closed, and keeps one followed by an application', async () => {
    // The nomination was first counted from when it was made (day 30); applications closed a day later.
    expect(await nominations()).toEqual([applicant.email, nobodyApplied].sort());
    moveClockTo(31 - 1 / 24);
    await pass();
    expect(await nominations()).toEqual([applicant.email, nobodyApplied].sort());
    moveClockTo(31 + 1 / 24);
    expect((await pass())['nominations-not-taken-up']).toBe(1);
    expect(await nominations()).toEqual([applicant.email]);
    const kept = (await scan()).find((item) => item.type === 'partner-nomination');
    expect(kept).not.toHaveProperty('gsi3pk');
  });

  it('forgets an unreachable address a year after its latest problem', async () => {
    moveClockTo(359);
    expect(await pass()).toEqual({});
    expect(await stores.unreachable.find(unreachableAddress)).toBeDefined();
    moveClockTo(361);
    expect((await pass())['unreachable-addresses']).toBe(2);
    expect(await stores.unreachable.find(unreachableAddress)).toBeUndefined();
    expect(await stores.unreachable.find(bounced.email)).toBeUndefined();
  });

  it('counts each removal in the area’s timeline, by rule, without a name or an address', async () => {
    const entries = await retentionEntries();
    const redactedHere = (await scan()).filter((item) => item.type === 'email' && item.areaId === AREA && item.redactedAt).length;
    expect(entries.map((entry) => entry.summary).sort()).toEqual(
      [
        `2 records removed: ${retentionRule('emailed-links').what}.`,
        `${redactedHere} records redacted: ${retentionRule('email-content').what}.`,
        `1 record removed: ${retentionRule('nominations-not-taken-up').what}.`,
      ].sort(),
    );
    for (const entry of entries) {
      expect(entry.actor).toEqual({ name: 'Retention schedule' });
      expect(entry.action).toMatch(/^(Removed|Redacted) under the retention schedule$/);
      for (const secret of [applicant.email, bounced.email, nobodyApplied, applicant.fullName, bounced.fullName, 'Nina Nominee']) expect(JSON.stringify(entry)).not.toContain(secret);
    }
  });

  it('changes nothing when it runs again', async () => {
    const before = await scan();
    expect(await pass()).toEqual({});
    moveClockTo(362);
    expect(await pass()).toEqual({});
    expect(await scan()).toEqual(before);
  });
});

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineKinds, type AuditEntry, type TimelineCursor, type TimelineKind } from '@pip/domain';
import { recordStageEntered } from '@pip/functions/use-cases/area-workflow/enter-stage';
import { loadHandler, localStaff, tableStreamsSettled, type RunningPlatform } from '@pip/local';
import { DynamoAreaProgressStore } from '@pip/storage';
import { startTestPlatform, storesOf } from '../support/platform';
import { apply, openArea, type Applicant } from '../support/programme-data';
import { staffSession, type StaffSession } from '../support/staff-session';

/* An area's timeline: the audit log with forms, workflow steps and emails beside the decisions, paged, filtered and as CSV. */
const AREA = 'timeline-area';
let platform: RunningPlatform;
let stores: ReturnType<typeof storesOf>;
let sam: StaffSession;
let amira: Applicant;

const text = async (response: Response) => (await response.text()).replace(/\s+/gu, ' ');
const csvRows = (body: string): string[][] =>
  body
    .replace(/^\uFEFF/u, '')
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/gu)].map((match) => match[1]!.replace(/""/gu, '"')));
const olderLink = (page: string) => /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/u.exec(page)?.[1]?.replace(/&amp;/gu, '&');
const newerLink = (page: string) => /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="prev">/u.exec(page)?.[1]?.replace(/&amp;/gu, '&');

/** An SNS delivery of one SES event, as Lambda receives it. */
const snsEvent = (message: unknown) => ({
  Records: [{ EventSource: 'aws:sns', Sns: { MessageId: randomUUID(), Message: JSON.stringify(message), Timestamp: new Date().toISOString() } }],
});

beforeAll(async () => {
  platform = await startTestPlatform();
  stores = storesOf(platform);
  sam = staffSession(platform, localStaff[0]);
  await openArea(platform, AREA, 'Timeline Area');
  // A form: an application through the public API; its email is sent at once.
  amira = await apply(platform, AREA, 'tl-amira', { fullName: 'Amira Timeline' });
  // A decision: Sam reviews it.
  const reviewed = await sam.post(`/staff/areas/${AREA}/applications/${amira.applicationId}/reviews`, { roleFit: '4', partnershipExperience: '3', commitment: '5' });
  expect(reviewed.status).toBe(303);
  // A workflow step, as the area's workflow records it.
  const progress = new DynamoAreaProgressStore(stores.documents, platform.tableName);
  await recordStageEntered({ progress, audit: stores.audit, clock: { now: () => new Date() } }, AREA, 'recruitment', 'Recruitment opened');
  // The email service reports the application's email delivered, twice (SNS delivers at least once).
  // The email is sent from the table's stream, so it is looked for once the stream has settled.
  await tableStreamsSettled();
  const sent = await stores.outbox.get(`application-received-${amira.applicationId}`);
  expect(sent?.sesMessageId).toBeTruthy();
  const reports = await loadHandler<(event: unknown) => Promise<unknown>>('email-reports');
  const delivery = { eventType: 'Delivery', delivery: { timestamp: new Date().toISOString(), recipients: [amira.email] }, mail: { messageId: sent!.sesMessageId, timestamp: new Date().toISOString() } };
  await reports(snsEvent(delivery));
  await reports(snsEvent(delivery));
});
afterAll(async () => {
  stores?.documents.destroy();
  await platform?.stop();
});

describe('an area’s timeline', () => {
  it('shows a form, a decision, a workflow step, an email sent and delivered, each once, with the person named from their application', async () => {
    const response = await sam.get(`/staff/areas/${AREA}/timeline`);
    expect(response.status).toBe(200);
    const page = await text(response);
    for (const [kind, what] of [
      ['Form', 'Application received'],
      ['Decision', 'Application reviewed'],
      ['Workflow', 'Stage entered: Recruitment open'],
      ['Email', 'Email sent'],
      ['Email', 'Email delivered'],
      ['Decision', 'Area added'],
    ] as const) {
      // The kind's tag and the action in one row: When, What, Who, Summary.
      expect(page, what).toMatch(new RegExp(`>${kind}</strong></td><td class="govuk-table__cell"><span class="govuk-body-s">[^<]*</span></td><td class="govuk-table__cell"><strong>${what}</strong>`, 'u'));
      expect(page.split(`<strong>${what}</strong>`), what).toHaveLength(2);
    }
    expect(page).toContain(`About: Amira Timeline (${amira.applicationId})`);
    expect(page).toContain(`“Application received: Partnership Improvement Programme, Timeline Area (${amira.applicationId})”`);
    // UK time, day first.
    expect(page).toMatch(/\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{1,2}:\d{2}(am|pm)/u);
    // The stored entries name the person by reference only, never by name or address.
    const entries = await stores.audit.listForArea(AREA);
    const newKinds = entries.filter((entry) => entry.kind !== 'decision');
    expect(newKinds.map((entry) => entry.kind).sort()).toEqual(['email', 'email', 'form', 'workflow']);
    expect(JSON.stringify(newKinds)).not.toContain('Amira');
    expect(JSON.stringify(entries)).not.toContain(amira.email);
  });

  it('shows only the kinds asked for, and the same entries as CSV', async () => {
    const page = await text(await sam.get(`/staff/areas/${AREA}/timeline?kind=email`));
    expect(page).toContain('<strong>Email sent</strong>');
    expect(page).toContain('<strong>Email delivered</strong>');
    expect(page).not.toContain('<strong>Application received</strong>');
    expect(page).not.toContain('<strong>Area added</strong>');
    expect(page).toMatch(/<input[^>]*name="kind"[^>]*value="email" checked>/u);
    expect(page).toContain(`href="/staff/areas/${AREA}/timeline.csv?kind=email"`);

    const csv = await sam.get(`/staff/areas/${AREA}/timeline.csv?kind=email`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = csvRows(await csv.text());
    expect(header).toEqual(['When (UK time)', 'Instant (UTC)', 'Kind', 'Who', 'What', 'Summary', 'About', 'Before', 'After', 'Entry']);
    expect(rows.map((row) => row[4])).toEqual(['Email delivered', 'Email sent']);
    expect(rows.every((row) => row[6] === `Amira Timeline (${amira.applicationId})`)).toBe(true);

    const both = await text(await sam.get(`/staff/areas/${AREA}/timeline?kind=form&kind=workflow`));
    expect(both).toContain('<strong>Application received</strong>');
    expect(both).toContain('<strong>Stage entered: Recruitment open</strong>');
    expect(both).not.toContain('<strong>Email sent</strong>');
  });

  it('refuses a kind it does not have and a page link it did not make with a 400 that says what is wrong', async () => {
    const kind = await sam.get(`/staff/areas/${AREA}/timeline?kind=gossip`);
    expect(kind.status).toBe(400);
    expect(await text(kind)).toContain('Choose kinds of entry from the list');
    for (const cursor of ['not-a-cursor', Buffer.from('{"d":"o"}').toString('base64url'), '%7B%22pk%22%7D']) {
      const response = await sam.get(`/staff/areas/${AREA}/timeline?cursor=${cursor}`);
      expect(response.status, cursor).toBe(400);
      const page = await text(response);
      expect(page).toContain('This link to a page of the timeline is not valid');
      expect(page).not.toMatch(/at \w+ \(|\.ts:\d+/u);
    }
    expect((await sam.get(`/staff/areas/${AREA}/timeline.csv?kind=gossip`)).status).toBe(400);
  });

  it('still answers at the audit log’s address, by sending staff to the timeline', async () => {
    const response = await sam.get(`/staff/areas/${AREA}/audit`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/staff/areas/${AREA}/timeline`);
    const area = await text(await sam.get(`/staff/areas/${AREA}`));
    expect(area).toContain(`href="/staff/areas/${AREA}/timeline"`);
  });
});

describe('paging through a long timeline', () => {
  const PAGED = 'timeline-paged';
  const count = 137;

  beforeAll(async () => {
    await openArea(platform, PAGED, 'Timeline Paged');
    // Many entries after the area was added, several at the same instant, of every kind.
    const base = Date.now() + 1000;
    for (let index = 0; index < count; index += 1) {
      await stores.audit.record({
        areaId: PAGED,
        entryId: randomUUID(),
        at: new Date(base + Math.floor(index / 3) * 1000).toISOString(),
        actor: { name: 'Test set-up' },
        action: `Entry ${String(index).padStart(3, '0')}`,
        summary: 'One of many.',
        kind: timelineKinds[index % timelineKinds.length]!,
      });
    }
  });

  it('shows 50 entries a page, newest first, and every entry exactly once going older and again going newer, as the CSV has them', async () => {
    const actionsOn = (page: string) => [...page.matchAll(/<strong>(Entry \d{3}|Area added)<\/strong>/gu)].map((match) => match[1]!);
    const pages: string[][] = [];
    let path: string | undefined = `/staff/areas/${PAGED}/timeline`;
    let last = '';
    while (path) {
      const response = await sam.get(path);
      expect(response.status, path).toBe(200);
      last = await text(response);
      pages.push(actionsOn(last));
      path = olderLink(last);
    }
    expect(pages.map((page) => page.length)).toEqual([50, 50, 38]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(count + 1);
    expect(all).toEqual((await stores.audit.listForArea(PAGED)).map((entry) => entry.action));
    expect(all.at(-1)).toBe('Area added');
    expect(olderLink(last)).toBeUndefined();

    const back: string[][] = [actionsOn(last)];
    path = newerLink(last);
    while (path) {
      const page = await text(await sam.get(path));
      back.unshift(actionsOn(page));
      path = newerLink(page);
    }
    expect(back).toEqual(pages);

    const [, ...rows] = csvRows(await (await sam.get(`/staff/areas/${PAGED}/timeline.csv`)).text());
    expect(rows.map((row) => row[4])).toEqual(all);
  });

  it('pages any mix of kinds from the table with no entry lost or repeated, whatever the count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 70 }),
        fc.subarray([...timelineKinds], { minLength: 1 }),
        fc.subarray([...timelineKinds]),
        fc.integer({ min: 1, max: 25 }),
        async (entries, written, asked, size) => {
          const areaId = `timeline-${randomUUID().slice(0, 8)}`;
          const at = Date.now() - 600_000;
          for (let index = 0; index < entries; index += 1) {
            await stores.audit.record({
              areaId,
              entryId: randomUUID(),
              at: new Date(at + Math.floor(index / 2) * 1000).toISOString(),
              actor: { name: 'Test' },
              action: `Entry ${index}`,
              summary: '',
              kind: written[index % written.length]!,
            });
          }
          const expected = (await stores.audit.listForArea(areaId)).filter((entry) => asked.length === 0 || asked.includes(entry.kind as TimelineKind));
          const seen: AuditEntry[] = [];
          let from: TimelineCursor | undefined;
          do {
            const page = await stores.audit.page(areaId, { kinds: asked, ...(from ? { from } : {}), size });
            expect(page.entries.length).toBeLessThanOrEqual(size);
            seen.push(...page.entries);
            from = page.older ? { direction: 'older', ...page.older } : undefined;
            if (from) expect(page.entries).toHaveLength(size);
          } while (from);
          expect(seen.map((entry) => entry.entryId)).toEqual(expected.map((entry) => entry.entryId));
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

import { randomUUID } from 'node:crypto';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DAY, savedApplicationRules, type Area } from '@pip/domain';
import { tableStreamsSettled } from '@pip/local';
import { keys, type Item } from '@pip/storage';
import { savedReminderId } from '@pip/functions/use-cases/recruitment/saved-reminders';
import { goodAnswers } from '../support/application-answers';
import { emailsTo } from '../support/inbox';
import { platformOfThisFile, uniqueEmail, type FilePlatform } from '../support/platform';
import { staffSession } from '../support/staff-session';

/*
 * The reminder to come back to saved answers follows the saved applications as they stand: the
 * address they were last saved under, and the window as staff last set it.
 */
let running: FilePlatform;
platformOfThisFile((started) => (running = started));
const start = Date.now();

async function addArea(closesInDays: number): Promise<Area> {
  const areaId = `reminded-${randomUUID().slice(0, 6)}`;
  const area: Area = {
    areaId,
    name: `Reminded ${areaId.slice(-6)}`,
    regionId: 'north-west',
    recruitment: { opensAt: new Date(start - 7 * DAY).toISOString(), closesAt: new Date(start + closesInDays * DAY).toISOString() },
  };
  await running.stores.areas.add(area, { areaId, entryId: randomUUID(), at: new Date().toISOString(), actor: { name: 'Test set-up' }, action: 'Area added', summary: 'Added.' });
  return area;
}

const postForm = (path: string, fields: Record<string, string>) =>
  fetch(`${running.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

/** Saves page 1's answers from page 2, as the browser posts them; through a saved link when given. */
const save = (areaId: string, email: string, saved?: string) =>
  postForm(`/apply/${areaId}`, {
    fullName: 'Rita Reminded',
    email,
    organisation: 'Wigan Council',
    page: 'your-role',
    action: 'save',
    saveRequest: randomUUID().replaceAll('-', ''),
    ...(saved ? { saved } : {}),
  });

const linkIn = (text: string | undefined) => /https?:\/\/\S+\/apply\/[\w-]+\/saved\/[\w-]{43}/u.exec(text ?? '')?.[0];
const reminderOf = (areaId: string, email: string) => running.stores.outbox.get(savedReminderId(areaId, email));

async function savedItems(areaId: string): Promise<Item[]> {
  const { Items } = await running.stores.documents.send(
    new ScanCommand({ TableName: running.platform.tableName, ConsistentRead: true, FilterExpression: '#type = :saved AND areaId = :area', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':saved': 'saved-application', ':area': areaId } }),
  );
  return Items ?? [];
}

async function moveCloseTo(area: Area, closesInDays: number): Promise<string> {
  const later = new Date(start + closesInDays * DAY);
  const response = await staffSession(running.platform).post(`/staff/areas/${area.areaId}/window`, {
    'closes-date': later.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }),
    'closes-time': '17:00',
    seenOpensAt: area.recruitment.opensAt,
    seenClosesAt: area.recruitment.closesAt,
  });
  expect(response.status).toBeLessThan(400);
  return (await running.stores.areas.existing(area.areaId)).recruitment.closesAt;
}

describe('the reminder of a saved application', () => {
  it('follows the address when someone saves again through their link under another one: one reminder, to the address as it now stands', async () => {
    const area = await addArea(10);
    const first = uniqueEmail('first');
    const changed = uniqueEmail('changed');
    expect((await save(area.areaId, first)).status).toBe(200);
    const link = linkIn((await emailsTo(first))[0]?.body.text)!;
    expect((await reminderOf(area.areaId, first))?.status).toBe('pending');

    const again = await save(area.areaId, changed, link.split('/').at(-1));
    expect(again.status).toBe(200);
    // The reminder to the address they changed away from is withdrawn; the one to the new address carries their link.
    expect((await reminderOf(area.areaId, first))?.status).toBe('cancelled');
    const reminder = await reminderOf(area.areaId, changed);
    expect(reminder?.status).toBe('pending');
    expect(reminder?.text).toContain(link);
    // The answers are one saved application, now under the new address only.
    const saved = await savedItems(area.areaId);
    expect(saved.map((item) => item.email)).toEqual([changed]);
    const recordOf = async (email: string) =>
      (await (await staffSession(running.platform).get(`/staff/people/record.json?email=${encodeURIComponent(email)}`)).json()) as { savedApplications?: unknown[] };
    expect((await recordOf(first)).savedApplications ?? []).toHaveLength(0);
    expect((await recordOf(changed)).savedApplications).toHaveLength(1);
  });

  it('goes once: saving anew after it went leaves it sent, and still saves the answers and emails their link', async () => {
    const area = await addArea(20);
    const saver = uniqueEmail('reminded-once');
    expect((await save(area.areaId, saver)).status).toBe(200);
    const id = savedReminderId(area.areaId, saver);
    expect((await reminderOf(area.areaId, saver))?.status).toBe('pending');
    // The reminder went (its record as delivery leaves it), and the person saves again from a new page, under a new link.
    await running.stores.documents.send(
      new UpdateCommand({ TableName: running.platform.tableName, Key: keys.email(id), UpdateExpression: 'SET #status = :sent, sentAt = :at', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':sent': 'sent', ':at': new Date().toISOString() } }),
    );

    const again = await save(area.areaId, saver);

    expect(again.status).toBe(200);
    expect(await again.text()).toContain('saved');
    expect(await savedItems(area.areaId)).toHaveLength(2);
    expect((await emailsTo(saver)).filter((email) => email.subject.startsWith('Your saved application'))).toHaveLength(2);
    expect((await reminderOf(area.areaId, saver))?.status).toBe('sent');
  });

  it('is made when staff extend the window for someone who saved too late for one, and none goes to an address that has applied', async () => {
    const area = await addArea(2);
    const late = uniqueEmail('late');
    const applied = uniqueEmail('applied');
    expect((await save(area.areaId, late)).status).toBe(200);
    expect((await save(area.areaId, applied)).status).toBe(200);
    const link = linkIn((await emailsTo(late))[0]?.body.text)!;
    const sent = await fetch(`${running.base}/api/areas/${area.areaId}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(goodAnswers(applied)),
    });
    expect(sent.status).toBe(201);
    await tableStreamsSettled();

    const closesAt = await moveCloseTo(area, 20);
    const reminder = await reminderOf(area.areaId, late);
    expect(reminder?.status).toBe('pending');
    expect(reminder?.sendAfter).toBe(new Date(Date.parse(closesAt) - savedApplicationRules.reminderDaysBeforeClose * DAY).toISOString());
    expect(reminder?.notAfter).toBe(closesAt);
    expect(reminder?.text).toContain(link);
    expect((await reminderOf(area.areaId, applied))?.status).not.toBe('pending');

    // Brought back within the last days, it is withdrawn from being sent, and an extension again brings it back.
    const sooner = await moveCloseTo({ ...area, recruitment: { ...area.recruitment, closesAt } }, 2);
    // Held to the instant it would be dropped: the outbox never sends it, and it keeps its link.
    const held = await reminderOf(area.areaId, late);
    expect(held).toMatchObject({ status: 'pending', sendAfter: sooner, notAfter: sooner });
    const latest = await moveCloseTo({ ...area, recruitment: { ...area.recruitment, closesAt: sooner } }, 15);
    expect((await reminderOf(area.areaId, late))?.sendAfter).toBe(new Date(Date.parse(latest) - savedApplicationRules.reminderDaysBeforeClose * DAY).toISOString());
  });
});

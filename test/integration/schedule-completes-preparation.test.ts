import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditEntry, WorkshopSchedule } from '@pip/domain';
import { DynamoAnnouncementStore, DynamoAuditStore, DynamoStaffStepStore, DynamoVisitStore, DynamoWorkshopStore, createDocumentClient, ensureTable } from '@pip/storage';

/*
 * The workshop schedule that completes preparation is saved with the step done in one transaction,
 * decided on what was read: the token the workflow held (or none), and the visit recorded (or not).
 * On DynamoDB Local, whatever changed between the read and the write refuses the whole write, so the
 * decision is made again: nothing is half written, and the workflow is never left waiting.
 */
const tableName = `pip-schedule-step-${randomUUID().slice(0, 8)}`;
const documents = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
const announcements = new DynamoAnnouncementStore(documents, tableName);
const workshops = new DynamoWorkshopStore(documents, tableName);
const staffSteps = new DynamoStaffStepStore(documents, tableName);
const visits = new DynamoVisitStore(documents, tableName);
const audit = new DynamoAuditStore(documents, tableName);
const AT = '2027-03-01T10:00:00.000Z';

beforeAll(async () => {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
  await ensureTable(client, tableName);
  client.destroy();
});
afterAll(() => documents.destroy());

function scheduleOf(areaId: string): WorkshopSchedule {
  const workshop = (number: number) => ({
    number,
    startsAt: new Date(Date.parse('2027-03-15T09:30:00.000Z') + (number - 1) * 35 * 86_400_000).toISOString(),
    endsAt: new Date(Date.parse('2027-03-15T12:30:00.000Z') + (number - 1) * 35 * 86_400_000).toISOString(),
    venue: { name: 'Town Hall', host: 'council' as const },
    facilitators: ['Ada Facilitator', 'Ben Facilitator'] as [string, string],
  });
  return { areaId, workshops: [1, 2, 3, 4].map(workshop), sequence: 0 };
}
const line = (areaId: string): AuditEntry => ({ areaId, entryId: randomUUID(), at: AT, actor: { name: 'Sam Rivers' }, action: 'Workshops scheduled', summary: 'Four workshops scheduled.' });
const save = (areaId: string, also: Parameters<DynamoAnnouncementStore['workshopsScheduled']>[5]) =>
  announcements.workshopsScheduled(scheduleOf(areaId), -1, {}, line(areaId), { kind: 'workshops-scheduled', areaId, sequence: 0 }, also);
const state = async (areaId: string) => ({
  schedule: (await workshops.schedule(areaId)) !== undefined,
  done: await staffSteps.isDone(areaId, 'preparation'),
  token: await staffSteps.heldToken(areaId, 'preparation'),
  lines: (await audit.listForArea(areaId)).length,
});

describe('a schedule that completes preparation', () => {
  it('is saved with the step done and the held token taken, in one write', async () => {
    const areaId = `area-${randomUUID().slice(0, 8)}`;
    await staffSteps.hold(areaId, 'preparation', 'token-1', AT);
    expect(await save(areaId, { previous: undefined, stepDone: { step: 'preparation', by: 'Sam Rivers', at: AT, heldToken: 'token-1' } })).toBe(true);
    expect(await state(areaId)).toEqual({ schedule: true, done: true, token: undefined, lines: 1 });
  });

  it('is refused whole when the workflow began waiting after no token was read', async () => {
    const areaId = `area-${randomUUID().slice(0, 8)}`;
    await staffSteps.hold(areaId, 'preparation', 'token-arrived', AT);
    expect(await save(areaId, { previous: undefined, stepDone: { step: 'preparation', by: 'Sam Rivers', at: AT, heldToken: undefined } })).toBe(false);
    expect(await state(areaId)).toEqual({ schedule: false, done: false, token: 'token-arrived', lines: 0 });
  });

  it('is refused whole when the token read is no longer the one held, or the step was done meanwhile', async () => {
    const areaId = `area-${randomUUID().slice(0, 8)}`;
    await staffSteps.hold(areaId, 'preparation', 'token-new', AT);
    expect(await save(areaId, { previous: undefined, stepDone: { step: 'preparation', by: 'Sam Rivers', at: AT, heldToken: 'token-old' } })).toBe(false);
    await staffSteps.markDone(areaId, 'preparation', 'Kim Staff', AT);
    expect(await save(areaId, { previous: undefined, stepDone: { step: 'preparation', by: 'Sam Rivers', at: AT, heldToken: 'token-new' } })).toBe(false);
    expect(await state(areaId)).toEqual({ schedule: false, done: true, token: 'token-new', lines: 0 });
  });

  it('is refused whole when a visit was recorded after none was read', async () => {
    const areaId = `area-${randomUUID().slice(0, 8)}`;
    await visits.save(areaId, { visitedOn: '2027-03-01', notes: '', recordedBy: 'Kim Staff' }, { ...line(areaId), action: 'Area visit recorded' });
    expect(await save(areaId, { previous: undefined, noVisitYet: true })).toBe(false);
    expect(await save(areaId, { previous: undefined })).toBe(true);
    expect((await state(areaId)).schedule).toBe(true);
  });
});

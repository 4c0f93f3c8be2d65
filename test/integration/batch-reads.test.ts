import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DynamoAreaProgressStore, DynamoSelectionStore, DynamoUnreachableAddressStore, createDocumentClient, ensureTable } from '@pip/storage';
import type { AreaProgress, AreaSelection, UnreachableAddress } from '@pip/domain';

/*
 * What a page of many people or many areas needs is read together: the addresses of an area's
 * roster, the selections and progress of every area for the programme overview; one batch read
 * per hundred keys, not one read each.
 */
const tableName = `pip-batch-reads-${randomUUID().slice(0, 8)}`;
const documents = createDocumentClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
const store = new DynamoUnreachableAddressStore(documents, tableName);

const problem = (address: string, overrides: Partial<UnreachableAddress> = {}): UnreachableAddress => ({
  address,
  problem: 'bounced',
  suppressed: true,
  reason: 'The mailbox does not exist',
  at: '2027-03-01T10:00:00.000Z',
  messageId: `message-${address}`,
  subject: 'Your application',
  ...overrides,
});

beforeAll(async () => {
  const client = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'eu-west-2' });
  await ensureTable(client, tableName);
  client.destroy();
});
afterAll(() => documents.destroy());

describe('finding which of many addresses could not be reached', () => {
  it('finds those recorded among 150 addresses, whatever their case, each once, and nothing for the rest', async () => {
    const addresses = Array.from({ length: 150 }, (_, i) => `person.${i}@example.org`);
    await store.record(problem('person.7@example.org'));
    await store.record(problem('person.142@example.org', { problem: 'complained' }));
    const found = await store.findAll([...addresses.map((address, i) => (i === 7 ? address.toUpperCase() : address)), 'person.142@example.org']);
    expect(found.map((one) => one.address).sort()).toEqual(['person.142@example.org', 'person.7@example.org']);
    expect(found.find((one) => one.address === 'person.142@example.org')).toEqual(problem('person.142@example.org', { problem: 'complained' }));
    expect(await store.find('PERSON.7@example.org')).toEqual(problem('person.7@example.org'));
  });

  it('reads nothing for no addresses', async () => {
    expect(await store.findAll([])).toEqual([]);
  });
});

describe('reading the selections and progress of many areas', () => {
  it('gives each area its own, and leaves out the areas that have none', async () => {
    const selections = new DynamoSelectionStore(documents, tableName);
    const progress = new DynamoAreaProgressStore(documents, tableName);
    const draft: AreaSelection = {
      areaId: 'batch-north',
      version: 1,
      status: 'draft',
      updatedBy: { name: 'Test' },
      updatedAt: '2027-03-01T10:00:00.000Z',
      selected: { 'local-authority': ['PIP-AAAA-0001'], 'voluntary-community': ['PIP-AAAA-0002'] },
      leads: { 'local-authority': 'PIP-AAAA-0001', 'voluntary-community': 'PIP-AAAA-0002' },
    };
    const audit = { areaId: 'batch-north', entryId: randomUUID(), at: '2027-03-01T10:00:00.000Z', actor: { name: 'Test' }, action: 'Selection proposed', summary: 'Proposed.' };
    expect(await selections.write(draft, 0, audit)).toBe(true);
    const stages: AreaProgress[] = [
      { areaId: 'batch-north', stage: 'selection', history: [{ stage: 'selection', at: '2027-03-01T10:00:00.000Z', what: 'Applications closed' }] },
      { areaId: 'batch-south', stage: 'recruitment', history: [{ stage: 'recruitment', at: '2027-02-01T10:00:00.000Z', what: 'Applications opened' }] },
    ];
    for (const one of stages) await progress.save(one);
    const areaIds = ['batch-north', 'batch-south', 'batch-nowhere'];
    const [someSelections, someProgress] = await Promise.all([selections.getMany(areaIds), progress.getMany(areaIds)]);
    expect([...someSelections.keys()]).toEqual(['batch-north']);
    expect(someSelections.get('batch-north')).toEqual(await selections.get('batch-north'));
    expect([...someProgress.keys()].sort()).toEqual(['batch-north', 'batch-south']);
    for (const areaId of ['batch-north', 'batch-south']) expect(someProgress.get(areaId)).toEqual(await progress.get(areaId));
    expect((await selections.getMany([])).size).toBe(0);
  });
});

import { applicantKey, isPseudonymousAddress } from '@pip/domain';
import { getItem, getItems, type Item } from '../items';
import { keys, lists, personHashOf } from '../keys';
import { withWording } from '../outbox-store';
import { queryAll, queryPrefix } from '../query-all';
import { PERSON_INDEX, type PersonTable } from './person-table';

// Finding the person: their application in each area, the areas' records, the person index and the partners' nominations, read as a record and an erasure both need them.

/** Every area, from their list: what `applicationsIn` searches. */
export async function areaList(table: PersonTable): Promise<{ areaId: string; name: string }[]> {
  const items = await queryAll(table.documents, {
    TableName: table.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :list',
    ExpressionAttributeValues: { ':list': lists.areas },
  });
  return items.map((item) => ({ areaId: String(item.areaId), name: String(item.name) }));
}

/** The application of the address in each area that has one: the areas, then one batch of their keys. */
export async function applicationsOf(table: PersonTable, address: string): Promise<{ area: { areaId: string; name: string }; item: Item }[]> {
  if (isPseudonymousAddress(address)) return [];
  return applicationsIn(table, address, await areaList(table));
}

/** The application of the address in each of the areas that has one: one batch of their keys, read consistently. */
export async function applicationsIn(table: PersonTable, address: string, areas: readonly { areaId: string; name: string }[]): Promise<{ area: { areaId: string; name: string }; item: Item }[]> {
  if (isPseudonymousAddress(address)) return [];
  const items = await getItems(table.documents, table.tableName, areas.map((area) => keys.application(area.areaId, address)));
  const byArea = new Map(items.map((item) => [String(item.pk), item]));
  return areas.flatMap((area) => {
    const item = byArea.get(keys.area(area.areaId).pk);
    return item ? [{ area, item }] : [];
  });
}

export async function applicationByReference(table: PersonTable, areaId: string, applicationId: string): Promise<Item | undefined> {
  const reference = keys.applicationReference(applicationId);
  const items = await queryAll(table.documents, {
    TableName: table.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :reference AND gsi1sk = :kind',
    ExpressionAttributeValues: { ':reference': reference.gsi1pk, ':kind': reference.gsi1sk },
  });
  const indexed = items.find((item) => item.areaId === areaId);
  return indexed && getItem(table.documents, table.tableName, { pk: String(indexed.pk), sk: String(indexed.sk) });
}

/** Every item of an area: a few hundred at most. */
export function itemsOfArea(table: PersonTable, areaId: string): Promise<Item[]> {
  return queryAll(table.documents, {
    TableName: table.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.area(areaId).pk },
    ConsistentRead: true,
  });
}

/** Every address in a text, as an email-correction entry names the old and the new. */
function addressesIn(text: string): string[] {
  return [...text.matchAll(/[^\s:;,“”"'<>()]+@[^\s:;,“”"'<>()]+/gu)].map((match) => match[0].replace(/\.+$/u, '').toLowerCase());
}

const EMAIL_CORRECTED = 'Email address corrected';

/**
 * The application's address and every address it was corrected from, as the area's
 * email-correction entries record them ("<name>: <old> corrected to <new>").
 */
export function addressesOf(application: Item, partition: readonly Item[]): string[] {
  const known = new Set([applicantKey(String(application.answers?.email ?? ''))]);
  const corrections = partition.filter((item) => item.type === 'audit' && item.action === EMAIL_CORRECTED);
  for (let grew = true; grew; ) {
    grew = false;
    for (const entry of corrections) {
      const named = addressesIn(String(entry.summary ?? ''));
      const about = (entry.subjects as unknown[] | undefined)?.includes(application.applicationId) || named.some((address) => known.has(address));
      if (!about) continue;
      for (const address of named) if (!known.has(address)) (known.add(address), (grew = true));
    }
  }
  return [...known].filter((address) => address !== '');
}

/** What the person index holds under any of the addresses, read again consistently (the index may lag a write) in one batch. */
export async function indexedUnder(table: PersonTable, addresses: readonly string[]): Promise<Item[]> {
  return freshCopiesOf(table, await indexCopiesUnder(table, addresses));
}

/** The person index's copies of what it holds under any of the addresses (they may lag a write), each once, in the index's order. */
export async function indexCopiesUnder(table: PersonTable, addresses: readonly string[]): Promise<Item[]> {
  const found = await Promise.all(
    addresses.map((address) =>
      queryAll(table.documents, {
        TableName: table.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: `${PERSON_INDEX.partitionKey} = :person`,
        ExpressionAttributeValues: { ':person': keys.personIndexOf(personHashOf(address)).gsi2pk },
      }),
    ),
  );
  return [...new Map(found.flat().map((item) => [`${item.pk}\u0000${item.sk}`, item])).values()];
}

/** The items themselves of the index's copies, read consistently in one batch: those still on the index, in its order. */
export async function freshCopiesOf(table: PersonTable, copies: readonly Item[]): Promise<Item[]> {
  const fresh = await getItems(table.documents, table.tableName, copies.map((item) => ({ pk: String(item.pk), sk: String(item.sk) })));
  const byKey = new Map(fresh.map((item) => [`${item.pk}\u0000${item.sk}`, item]));
  return copies.flatMap((copy) => {
    const item = byKey.get(`${copy.pk}\u0000${copy.sk}`);
    return item !== undefined && item[PERSON_INDEX.partitionKey] !== undefined ? [item] : [];
  });
}

/** Nominations of any of the addresses, by every partner: found through the partners, so those made before the person index existed are found too. */
export async function nominationItems(table: PersonTable, addresses: readonly string[], areaId?: string): Promise<Item[]> {
  const wanted = new Set(addresses.map(applicantKey));
  return (await allNominations(table)).filter((item) => wanted.has(applicantKey(String(item.candidateEmail ?? ''))) && (areaId === undefined || item.areaId === areaId));
}

/** Every partner's nominations, each partner's read side by side. */
export async function allNominations(table: PersonTable): Promise<Item[]> {
  return nominationsOfPartners(table, await partnerList(table));
}

/** Every partner, from their list. */
export function partnerList(table: PersonTable): Promise<Item[]> {
  return queryAll(table.documents, {
    TableName: table.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :list',
    ExpressionAttributeValues: { ':list': lists.partners },
  });
}

/** The partners' nominations, each partner's read side by side. */
export async function nominationsOfPartners(table: PersonTable, partners: readonly Item[]): Promise<Item[]> {
  const nominations = await Promise.all(partners.map((partner) => queryPrefix(table.documents, table.tableName, keys.nominationsOfPartner(String(partner.partnerId)))));
  return nominations.flat();
}

/** Sent emails with the wording kept beside them (`wordingApart`) read with it: one batch, whatever their number. */
export async function withWordings(table: PersonTable, emails: readonly Item[], known: ReadonlyMap<string, Item> = new Map()): Promise<Item[]> {
  const wordings = new Map([...known, ...(await wordingsOf(table, emails.filter((item) => !known.has(String(item.messageId)))))]);
  return emails.map((item) => withWording(item, wordings.get(String(item.messageId))));
}

/** The wordings kept apart of those emails that have one, by message id: one batch, nothing read when none has. */
export async function wordingsOf(table: PersonTable, emails: readonly Item[]): Promise<Map<string, Item>> {
  const apart = emails.filter((item) => item.type === 'email' && item.wordingApart === true);
  if (apart.length === 0) return new Map();
  const wordings = await getItems(table.documents, table.tableName, apart.map((item) => keys.emailWording(String(item.messageId))));
  return new Map(wordings.map((item) => [String(item.messageId), item]));
}

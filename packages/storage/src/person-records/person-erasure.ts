import { randomBytes } from 'node:crypto';
import { applicantKey, ERASED_ADDRESS_DOMAIN, type Actor, type AreaErasure, type PersonErasure } from '@pip/domain';
import { getItem } from '../items';
import { keys, personHashOf } from '../keys';
import { queryPrefix } from '../query-all';
import { emptyEmail } from './emptied-email';
import { addressesOf, applicationsOf, indexedUnder, itemsOfArea, nominationItems } from './person-lookup';
import { emailsMentioning, neighboursOf, rewriteEmail } from './person-mentions';
import { htmlEscaped, pseudonymOf, type Person } from './person-names';
import type { PersonTable } from './person-table';
import { pseudonymise } from './pseudonymise';
import { remove, rewriteInPlace } from './record-writes';
import { redacted } from './redaction';
import { merged, Tally } from './removal-tally';

// Erasing a person at their request: each of their applications pseudonymised, then what no application led to.

export async function erasePerson(table: PersonTable, email: string, by: Actor, at: string): Promise<PersonErasure> {
  const address = applicantKey(email);
  const areas: AreaErasure[] = [];
  const addresses = new Set([address]);
  for (const { area, item } of await applicationsOf(table, address)) {
    const partition = await itemsOfArea(table, area.areaId);
    for (const previous of addressesOf(item, partition)) addresses.add(previous);
    const counts = await pseudonymise(table, item, by, at, partition);
    areas.push({ areaId: area.areaId, applicationId: String(item.applicationId), pseudonym: pseudonymOf(String(item.applicationId)).name, counts });
  }
  // What no application led to: a nomination never taken up, emails and links of no application, delivery problems.
  const elsewhere = new Tally();
  const others = new Map<string, { pseudonym: { name: string; email: string }; tally: Tally }>();
  const inArea = (areaId: unknown) => {
    if (typeof areaId !== 'string' || areaId === '') return undefined;
    let entry = others.get(areaId);
    if (!entry) {
      const erased = areas.find((area) => area.areaId === areaId);
      const pseudonym = erased?.applicationId ? pseudonymOf(erased.applicationId) : pseudonymOf(`${areaId}#${randomBytes(16).toString('hex')}`);
      entry = { pseudonym, tally: new Tally() };
      others.set(areaId, entry);
    }
    return entry;
  };
  const all = [...addresses];
  const nominations = await nominationItems(table, all);
  // A nominee who never applied: the area's records and the emails that name them (the partner's confirmation) take a pseudonym too.
  for (const areaId of new Set(nominations.map((item) => String(item.areaId)))) {
    if (areas.some((area) => area.areaId === areaId && area.applicationId)) continue;
    const entry = inArea(areaId)!;
    const names = nominations.filter((item) => item.areaId === areaId).map((item) => String(item.candidateName ?? ''));
    const nominee: Person = { names: [...names, ...names.map(htmlEscaped)], addresses: all, pseudonym: entry.pseudonym };
    const partition = await itemsOfArea(table, areaId);
    for (const item of partition) entry.tally.addAll(await rewriteInPlace(table, item, (current) => redacted(current, nominee)));
    for (const item of await emailsMentioning(table, nominee, neighboursOf(table, partition, all, true))) {
      entry.tally.addAll(await rewriteEmail(table, item, nominee));
    }
  }
  for (const item of nominations) {
    if (await remove(table, item)) (inArea(item.areaId)?.tally ?? elsewhere).add('nomination');
  }
  for (const item of await indexedUnder(table, all)) {
    const area = inArea(item.areaId);
    const tally = area?.tally ?? elsewhere;
    if (item.type === 'email') {
      const pseudonym = area?.pseudonym ?? { name: 'Person', email: `person@${ERASED_ADDRESS_DOMAIN}` };
      tally.addAll(await emptyEmail(table, item, all, pseudonym.email, at));
    } else if (item.type === 'link' || item.type === 'partner-nomination') {
      if (await remove(table, item)) tally.add(item.type === 'link' ? 'link' : 'nomination');
    } else if (item.type === 'saved-application') {
      if (await remove(table, item)) tally.add('savedApplication');
    } else if (item.type === 'unreachable-address') {
      if (await remove(table, item)) elsewhere.add('unreachable');
    }
  }
  for (const one of all) await removeAddressRecords(table, one, elsewhere);
  for (const [areaId, { pseudonym, tally }] of others) {
    const extra = tally.result;
    if (Object.keys(extra).length === 0) continue;
    const erased = areas.find((area) => area.areaId === areaId);
    if (erased) erased.counts = merged(erased.counts, extra);
    else areas.push({ areaId, pseudonym: pseudonym.name, counts: extra });
  }
  return { areas, elsewhere: elsewhere.result };
}

/** The address's record of delivery problems and its daily counts of public-form emails. */
async function removeAddressRecords(table: PersonTable, address: string, tally: Tally): Promise<void> {
  const unreachable = await getItem(table.documents, table.tableName, keys.unreachableAddress(address));
  if (unreachable && (await remove(table, unreachable))) tally.add('unreachable');
  const day = keys.emailAllowance(personHashOf(address), '');
  for (const allowance of await queryPrefix(table.documents, table.tableName, { pk: day.pk, skPrefix: day.sk })) {
    if (await remove(table, allowance)) tally.add('allowance');
  }
}

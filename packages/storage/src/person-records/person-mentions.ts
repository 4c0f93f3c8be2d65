import { applicantKey, isPseudonymousAddress, type RemovalCounts } from '@pip/domain';
import { getItem, type Item } from '../items';
import { keys, lists, personHashOf } from '../keys';
import { queryAll } from '../query-all';
import { mentions, type Person } from './person-names';
import { withWordings } from './person-lookup';
import { PERSON_INDEX, type PersonTable } from './person-table';
import { rewriteInPlace } from './record-writes';
import { redacted } from './redaction';

// Emails sent to other people that name the person (the other lead told who booked, the team alerted about an address): found and rewritten, as their own records are.

/** The addresses of everyone else an area's emails go to: its other applicants, facilitators, the partners' contacts, the team. */
export function neighboursOf(table: PersonTable, partition: readonly Item[], addresses: readonly string[], nominated: boolean): Promise<string[]> | string[] {
  const own = new Set(addresses.map(applicantKey));
  const found = partition.flatMap((item) => {
    if (item.type === 'application') return [String(item.answers?.email ?? '')];
    if (item.type === 'consultancy-slot') return [String(item.facilitatorEmail ?? '')];
    if (item.type === 'person-calendar') return [String(item.recipient?.email ?? '')];
    return [];
  });
  const team = table.teamAddresses?.() ?? [];
  const listed = [...found, ...team].map(applicantKey).filter((address) => address.includes('@') && !own.has(address) && !isPseudonymousAddress(address));
  if (!nominated) return [...new Set(listed)];
  return partnerContacts(table).then((contacts) => [...new Set([...listed, ...contacts.map(applicantKey).filter((address) => !own.has(address))])]);
}

async function partnerContacts(table: PersonTable): Promise<string[]> {
  const partners = await queryAll(table.documents, {
    TableName: table.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :list',
    ExpressionAttributeValues: { ':list': lists.partners },
  });
  return partners.map((partner) => String(partner.contactEmail ?? '')).filter((address) => address.includes('@'));
}

/** The emails on the person index of `neighbours` whose wording names the person, as the index holds them (a rewrite reads each again). */
export async function emailsMentioning(table: PersonTable, person: Person, neighbours: Promise<string[]> | string[]): Promise<Item[]> {
  const needles = [...person.names, ...person.addresses].map((entry) => entry.toLowerCase());
  const found: Item[] = [];
  for (const address of await neighbours) {
    const items = await queryAll(table.documents, {
      TableName: table.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: `${PERSON_INDEX.partitionKey} = :person AND begins_with(${PERSON_INDEX.sortKey}, :emails)`,
      ExpressionAttributeValues: { ':person': keys.personIndexOf(personHashOf(address)).gsi2pk, ':emails': 'EMAIL#' },
    });
    const emails = items.filter((item) => item.type === 'email');
    const worded = new Map((await withWordings(table, emails)).map((item) => [String(item.messageId), item]));
    found.push(...emails.filter((item) => {
      const seen = worded.get(String(item.messageId)) ?? item;
      return mentions([seen.subject, seen.text, seen.html, seen.calendar, seen.lastError, seen.outcome], needles);
    }));
  }
  return found;
}

/**
 * An email of someone else that names the person, rewritten, and what it said kept beside it too:
 * counted once, as one record.
 */
export async function rewriteEmail(table: PersonTable, item: Item, person: Person): Promise<RemovalCounts> {
  const own = await rewriteInPlace(table, item, (current) => redacted(current, person));
  if (item.wordingApart !== true) return own;
  const wording = await getItem(table.documents, table.tableName, keys.emailWording(String(item.messageId)));
  const said = wording ? await rewriteInPlace(table, wording, (current) => redacted(current, person)) : {};
  return Object.keys(own).length > 0 ? own : said;
}

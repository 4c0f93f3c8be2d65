import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  applicantKey,
  eachAtMost,
  type Actor,
  type AreaErasure,
  type AuditEntry,
  type EvaluationResponse,
  type FollowUpAnswer,
  type HeldApplication,
  type HeldEmail,
  type HeldLink,
  type HeldSelection,
  type PartnerNomination,
  type PersonCalendar,
  type PersonErasure,
  type PersonRecord,
  type PersonRecords,
  type RemovalCounts,
  type UnreachableAddress,
  ERASED_ADDRESS_DOMAIN,
  isPseudonymousAddress,
} from '@pip/domain';
import { isLostRace, moveItem, unlessLostRace } from './conditional';
import { getItem, getItems, type Item } from './items';
import { keys, lists, personHashOf } from './keys';
import { queryAll, queryPrefix } from './query-all';
import { withWording } from './outbox-store';
import { toSavedApplication } from './saved-application-store';
import { tableSchema } from './table-schema';


/** The name and address that stand for the person of one application once they are erased: stable, so a second pass finds the same. */
export function pseudonymOf(applicationId: string): { name: string; email: string } {
  const short = createHash('sha256').update(applicationId).digest('hex').slice(0, 8).toUpperCase();
  return { name: `Person ${short}`, email: `person-${short.toLowerCase()}@${ERASED_ADDRESS_DOMAIN}` };
}


/** What a removal counts, kind by kind; the timeline says these in words. */
export const removalKinds = [
  'application',
  'reviewNote',
  'evaluationComment',
  'record',
  'email',
  'emailCancelled',
  'link',
  'nomination',
  'unreachable',
  'allowance',
  'savedApplication',
] as const;
export type RemovalKind = (typeof removalKinds)[number];

/** Attributes that are keys or the item's kind: never rewritten in place. */
const KEY_ATTRIBUTES = new Set([
  tableSchema.partitionKey,
  tableSchema.sortKey,
  ...tableSchema.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  'type',
]);
const PERSON_INDEX = tableSchema.globalSecondaryIndexes.find((index) => index.indexName === 'gsi2')!;
const RETENTION_INDEX = tableSchema.globalSecondaryIndexes.find((index) => index.indexName === 'gsi3')!;

/** The attributes of an item that are its entity, keys and kind left out. */
function entityOf(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name)));
}

/** Who is being erased, as the records name them, and what stands for them afterwards. */
interface Person {
  applicationId?: string;
  names: string[];
  addresses: string[];
  pseudonym: { name: string; email: string };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Replaces the person's addresses by the pseudonymous address and their name by the pseudonym,
 * whatever the letter case, and only where they stand alone: `ann@x.org` is not replaced inside
 * `joann@x.org`, nor `Ann Lee` inside `Joann Lee`.
 */
function replacerFor(person: Person): (text: string) => string {
  const longestFirst = (list: readonly string[]) => [...new Set(list.map((entry) => entry.trim()).filter((entry) => entry.length > 1))].sort((a, b) => b.length - a.length);
  const rules: [RegExp, string][] = [
    ...longestFirst(person.addresses).map((address): [RegExp, string] => [new RegExp(`(?<![\\p{L}\\p{N}._%+-])${escaped(address)}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`, 'giu'), person.pseudonym.email]),
    ...longestFirst(person.names).map((name): [RegExp, string] => [new RegExp(`(?<![\\p{L}\\p{N}])${escaped(name).replace(/\s+/gu, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'), person.pseudonym.name]),
  ];
  return (text) => rules.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** The value with every string in it passed through `replace`, staff members' own records aside; the same reference when nothing changed. */
function deepReplaced<T>(value: T, replace: (text: string) => string): T {
  if (typeof value === 'string') {
    const next = replace(value);
    return (next === value ? value : next) as T;
  }
  if (Array.isArray(value)) {
    const next = value.map((entry) => deepReplaced(entry, replace));
    return (next.some((entry, index) => entry !== value[index]) ? next : value) as T;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Set)) {
    // A staff member acting (an audit entry's actor, who approved a selection) is not the person.
    if (typeof (value as { staffId?: unknown }).staffId === 'string') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    const next = entries.map(([name, entry]) => [name, deepReplaced(entry, replace)] as const);
    return (next.some(([, entry], index) => entry !== entries[index]![1]) ? Object.fromEntries(next) : value) as T;
  }
  return value;
}

/** Whether any string in the value mentions one of `needles` (lower-cased), whatever the case. */
function mentions(value: unknown, needles: readonly string[]): boolean {
  const text = JSON.stringify(value ?? '').toLowerCase();
  return needles.some((needle) => needle.length > 1 && text.includes(needle));
}

/** Every address in a text, as an email-correction entry names the old and the new. */
function addressesIn(text: string): string[] {
  return [...text.matchAll(/[^\s:;,“”"'<>()]+@[^\s:;,“”"'<>()]+/gu)].map((match) => match[0].replace(/\.+$/u, '').toLowerCase());
}

/** An email's wording with every personal link's token replaced: an export never hands anyone a live link. */
function withoutLinks(text: string): string {
  return text.replace(/(?<=[/=])[A-Za-z0-9_-]{32,}/gu, '[personal link]');
}

const EMAIL_CORRECTED = 'Email address corrected';
const COMMENT_ACTIONS = /^Evaluation comment/u;
const REVIEW_ACTIONS = new Set(['Application reviewed', 'Review changed']);

class Tally {
  private readonly counts: Partial<Record<RemovalKind, number>> = {};

  add(kind: RemovalKind, by = 1): void {
    if (by > 0) this.counts[kind] = (this.counts[kind] ?? 0) + by;
  }

  addAll(other: RemovalCounts): void {
    for (const [kind, count] of Object.entries(other)) this.add(kind as RemovalKind, count);
  }

  get result(): RemovalCounts {
    return { ...this.counts };
  }
}

const WRITE_TRIES = 4;
/** How many of one person's records a pseudonymisation rewrites at once. */
const WRITES_AT_ONCE = 8;

/**
 * Everything the table holds about a person, found by their address: their application in each
 * area (the application item is the hub, and every area record names them by its reference), and
 * on the person index (`gsi2`) the emails sent to or about them, their links, nominations and
 * delivery problems. Reading gathers it for their export; erasing replaces them by a pseudonym
 * everywhere, keeping every figure the programme reports.
 */
export class DynamoPersonRecordsStore implements PersonRecords {
  /**
   * `teamAddresses`: the programme team's own mailboxes, whose alerts may name a person (an email
   * that did not reach them), searched for mentions as the other people of an area are.
   */
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { teamAddresses?: () => readonly string[] } = {},
  ) {}

  /**
   * Read in three waves whatever the number of areas: what can be asked at once is asked at once
   * (the areas, the partners, the person index and the address's delivery problems), the address's
   * application in every area is one batch, and each application's records are read by their keys
   * and prefixes in its area, never the whole area. A fourth wave only when an address was corrected.
   */
  async gather(email: string): Promise<PersonRecord> {
    const address = applicantKey(email);
    const [applications, nominationsOfAll, indexedFirst, unreachableFirst] = await Promise.all([
      this.applicationsOf(address).then((found) => Promise.all(found.map(({ area, item }) => this.heldApplication(area, item)))),
      this.allNominations(),
      this.indexedUnder([address]),
      getItem(this.documents, this.tableName, keys.unreachableAddress(address)),
    ]);
    const addresses = [...new Set([address, ...applications.flatMap((held) => this.previousAddresses(held))])];
    const earlier = addresses.filter((one) => one !== address);
    const [indexedEarlier, unreachableEarlier] = earlier.length > 0
      ? await Promise.all([this.indexedUnder(earlier), getItems(this.documents, this.tableName, earlier.map((one) => keys.unreachableAddress(one)))])
      : [[], []];
    const unreachable = [...(unreachableFirst ? [unreachableFirst] : []), ...unreachableEarlier];
    const indexed = [...new Map([...indexedFirst, ...indexedEarlier].map((item) => [`${item.pk}\u0000${item.sk}`, item])).values()];
    const wanted = new Set(addresses.map(applicantKey));
    const nominations = nominationsOfAll.filter((item) => wanted.has(applicantKey(String(item.candidateEmail ?? ''))));
    return {
      email,
      addresses,
      applications: applications.map(({ held }) => held),
      emails: (await this.withWordings(indexed.filter((item) => item.type === 'email'))).map(toHeldEmail).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      links: indexed.filter((item) => item.type === 'link').map(toHeldLink).sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)),
      nominations: nominations.map((item) => entityOf(item) as PartnerNomination),
      unreachable: addresses.flatMap((one) => unreachable.filter((item) => item.pk === keys.unreachableAddress(one).pk)).map((item) => entityOf(item) as UnreachableAddress),
      savedApplications: indexed.filter((item) => item.type === 'saved-application').map(toSavedApplication).sort((a, b) => a.savedAt.localeCompare(b.savedAt)),
    };
  }

  async pseudonymiseApplication(areaId: string, applicationId: string, by: Actor, at: string): Promise<RemovalCounts> {
    const application = await this.applicationByReference(areaId, applicationId);
    if (!application) return {};
    return this.pseudonymise(application, by, at);
  }

  async erasePerson(email: string, by: Actor, at: string): Promise<PersonErasure> {
    const address = applicantKey(email);
    const areas: AreaErasure[] = [];
    const addresses = new Set([address]);
    for (const { area, item } of await this.applicationsOf(address)) {
      const partition = await this.partition(area.areaId);
      for (const previous of this.addressesOf(item, partition)) addresses.add(previous);
      const counts = await this.pseudonymise(item, by, at, partition);
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
    const nominations = await this.nominationItems(all);
    // A nominee who never applied: the area's records and the emails that name them (the partner's confirmation) take a pseudonym too.
    for (const areaId of new Set(nominations.map((item) => String(item.areaId)))) {
      if (areas.some((area) => area.areaId === areaId && area.applicationId)) continue;
      const entry = inArea(areaId)!;
      const names = nominations.filter((item) => item.areaId === areaId).map((item) => String(item.candidateName ?? ''));
      const nominee: Person = { names: [...names, ...names.map(htmlEscaped)], addresses: all, pseudonym: entry.pseudonym };
      const partition = await this.partition(areaId);
      for (const item of partition) entry.tally.addAll(await this.rewriteInPlace(item, (current) => redacted(current, nominee)));
      for (const item of await this.emailsMentioning(nominee, this.neighboursOf(partition, all, true))) {
        entry.tally.addAll(await this.rewriteEmail(item, nominee));
      }
    }
    for (const item of nominations) {
      if (await this.remove(item)) (inArea(item.areaId)?.tally ?? elsewhere).add('nomination');
    }
    for (const item of await this.indexedUnder(all)) {
      const area = inArea(item.areaId);
      const tally = area?.tally ?? elsewhere;
      if (item.type === 'email') {
        const pseudonym = area?.pseudonym ?? { name: 'Person', email: `person@${ERASED_ADDRESS_DOMAIN}` };
        tally.addAll(await this.emptyEmail(item, all, pseudonym.email, at));
      } else if (item.type === 'link' || item.type === 'partner-nomination') {
        if (await this.remove(item)) tally.add(item.type === 'link' ? 'link' : 'nomination');
      } else if (item.type === 'saved-application') {
        if (await this.remove(item)) tally.add('savedApplication');
      } else if (item.type === 'unreachable-address') {
        if (await this.remove(item)) elsewhere.add('unreachable');
      }
    }
    for (const one of all) await this.removeAddressRecords(one, elsewhere);
    for (const [areaId, { pseudonym, tally }] of others) {
      const extra = tally.result;
      if (Object.keys(extra).length === 0) continue;
      const erased = areas.find((area) => area.areaId === areaId);
      if (erased) erased.counts = merged(erased.counts, extra);
      else areas.push({ areaId, pseudonym: pseudonym.name, counts: extra });
    }
    return { areas, elsewhere: elsewhere.result };
  }

  // ---- Finding the person ----

  private async areaList(): Promise<{ areaId: string; name: string }[]> {
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': lists.areas },
    });
    return items.map((item) => ({ areaId: String(item.areaId), name: String(item.name) }));
  }

  /** The application of the address in each area that has one: the areas, then one batch of their keys. */
  private async applicationsOf(address: string): Promise<{ area: { areaId: string; name: string }; item: Item }[]> {
    if (isPseudonymousAddress(address)) return [];
    const areas = await this.areaList();
    const items = await getItems(this.documents, this.tableName, areas.map((area) => keys.application(area.areaId, address)));
    const byArea = new Map(items.map((item) => [String(item.pk), item]));
    return areas.flatMap((area) => {
      const item = byArea.get(keys.area(area.areaId).pk);
      return item ? [{ area, item }] : [];
    });
  }

  private async applicationByReference(areaId: string, applicationId: string): Promise<Item | undefined> {
    const reference = keys.applicationReference(applicationId);
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :reference AND gsi1sk = :kind',
      ExpressionAttributeValues: { ':reference': reference.gsi1pk, ':kind': reference.gsi1sk },
    });
    const indexed = items.find((item) => item.areaId === areaId);
    return indexed && getItem(this.documents, this.tableName, { pk: String(indexed.pk), sk: String(indexed.sk) });
  }

  /** Every item of an area: a few hundred at most. */
  private partition(areaId: string): Promise<Item[]> {
    return queryAll(this.documents, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.area(areaId).pk },
      ConsistentRead: true,
    });
  }

  /**
   * The application's address and every address it was corrected from, as the area's
   * email-correction entries record them ("<name>: <old> corrected to <new>").
   */
  private addressesOf(application: Item, partition: readonly Item[]): string[] {
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

  private previousAddresses(held: { item: Item; partition: Item[] }): string[] {
    return this.addressesOf(held.item, held.partition);
  }

  /** What the person index holds under any of the addresses, read again consistently (the index may lag a write) in one batch. */
  private async indexedUnder(addresses: readonly string[]): Promise<Item[]> {
    const seen = new Map<string, Item>();
    const found = await Promise.all(
      addresses.map((address) =>
        queryAll(this.documents, {
          TableName: this.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: `${PERSON_INDEX.partitionKey} = :person`,
          ExpressionAttributeValues: { ':person': keys.personIndexOf(personHashOf(address)).gsi2pk },
        }),
      ),
    );
    for (const item of found.flat()) seen.set(`${item.pk}\u0000${item.sk}`, item);
    const fresh = await getItems(this.documents, this.tableName, [...seen.values()].map((item) => ({ pk: String(item.pk), sk: String(item.sk) })));
    const byKey = new Map(fresh.map((item) => [`${item.pk}\u0000${item.sk}`, item]));
    // In the index's order, as the person's record lists them.
    return [...seen.keys()].flatMap((key) => {
      const item = byKey.get(key);
      return item !== undefined && item[PERSON_INDEX.partitionKey] !== undefined ? [item] : [];
    });
  }

  /** Nominations of any of the addresses, by every partner: found through the partners, so those made before the person index existed are found too. */
  private async nominationItems(addresses: readonly string[], areaId?: string): Promise<Item[]> {
    const wanted = new Set(addresses.map(applicantKey));
    return (await this.allNominations()).filter((item) => wanted.has(applicantKey(String(item.candidateEmail ?? ''))) && (areaId === undefined || item.areaId === areaId));
  }

  /** Every partner's nominations, each partner's read side by side. */
  private async allNominations(): Promise<Item[]> {
    const partners = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': lists.partners },
    });
    const nominations = await Promise.all(partners.map((partner) => queryPrefix(this.documents, this.tableName, keys.nominationsOfPartner(String(partner.partnerId)))));
    return nominations.flat();
  }

  /**
   * What of the application's area concerns the person, read side by side by key and prefix (the
   * area's audit log, searched for entries about them, is the largest part): a record never reads
   * the whole area.
   */
  private async recordsAbout(areaId: string, applicationId: string): Promise<Item[]> {
    const prefix = (skPrefix: string) => queryPrefix(this.documents, this.tableName, { pk: keys.area(areaId).pk, skPrefix });
    const found = await Promise.all([
      getItems(this.documents, this.tableName, [
        keys.selection(areaId),
        keys.followUpAnswer(areaId, applicationId),
        keys.evaluationResponse(areaId, applicationId),
        keys.personCalendar(areaId, applicationId),
      ]),
      prefix(keys.reviewsOfApplication(areaId, applicationId).skPrefix),
      prefix(keys.consultancySessionsOfArea(areaId).skPrefix),
      prefix(keys.attendanceOfArea(areaId).skPrefix),
      prefix(keys.reminderRoundsOfArea(areaId).skPrefix),
      prefix(keys.auditOfArea(areaId).skPrefix),
    ]);
    return found.flat();
  }

  private async heldApplication(area: { areaId: string; name: string }, item: Item): Promise<{ held: HeldApplication; item: Item; partition: Item[] }> {
    const application = entityOf(item) as HeldApplication['application'];
    const id = application.applicationId;
    const partition = await this.recordsAbout(area.areaId, id);
    const name = application.answers.fullName;
    const addresses = this.addressesOf(item, partition);
    const ofType = (type: string) => partition.filter((candidate) => candidate.type === type);
    const mine = (type: string) => ofType(type).filter((candidate) => candidate.applicationId === id);
    const selection = ofType('selection')[0];
    const held = selection ? heldSelection(selection, id) : undefined;
    const needles = [id.toLowerCase(), name.toLowerCase(), ...addresses];
    return {
      item,
      partition,
      held: {
        area,
        application,
        pseudonym: pseudonymOf(id).name,
        reviews: mine('review').map(entityOf) as HeldApplication['reviews'],
        ...(held ? { selection: held } : {}),
        bookings: ofType('consultancy-session')
          .filter((session) => held?.lead || mentions(session.bookedBy, [name.toLowerCase()]))
          .map(entityOf) as HeldApplication['bookings'],
        attendance: ofType('attendance').flatMap((attendance) => {
          const member = (attendance.members as string[] | undefined)?.includes(id) ?? false;
          const present = (attendance.present as string[] | undefined)?.includes(id) ?? false;
          return member || present ? [{ workshop: Number(attendance.workshop), member, present, recordedAt: String(attendance.recordedAt), recordedBy: String(attendance.recordedBy) }] : [];
        }),
        ...optionalEntity<'followUp', FollowUpAnswer>('followUp', mine('follow-up-answer')[0]),
        ...optionalEntity<'evaluation', EvaluationResponse>('evaluation', mine('evaluation')[0]),
        ...optionalEntity<'calendar', PersonCalendar>('calendar', ofType('person-calendar').find((calendar) => calendar.personKey === id)),
        reminders: ofType('reminder-round')
          .filter((round) => mentions(round.reminded, [name.toLowerCase()]))
          .map(entityOf) as HeldApplication['reminders'],
        audit: ofType('audit')
          .filter((entry) => (entry.subjects as unknown[] | undefined)?.includes(id) || mentions(entityOf(entry), needles))
          .map(entityOf)
          .reverse() as AuditEntry[],
      },
    };
  }

  // ---- Pseudonymising ----

  private async pseudonymise(application: Item, by: Actor, at: string, readPartition?: Item[]): Promise<RemovalCounts> {
    const areaId = String(application.areaId);
    const applicationId = String(application.applicationId);
    const pseudonym = pseudonymOf(applicationId);
    const partition = readPartition ?? (await this.partition(areaId));
    const answers = (application.answers ?? {}) as Record<string, unknown>;
    const alreadyErased = isPseudonymousAddress(String(answers.email ?? ''));
    const addresses = alreadyErased ? [] : this.addressesOf(application, partition);
    const nominations = addresses.length > 0 ? await this.nominationItems(addresses, areaId) : [];
    const fullNames = alreadyErased ? [] : [String(answers.fullName ?? ''), ...nominations.map((item) => String(item.candidateName ?? ''))];
    const person: Person = { applicationId, names: [...fullNames, ...fullNames.map(htmlEscaped)], addresses, pseudonym };
    const tally = new Tally();

    // First every record that names them, so that a pass cut short finds the application as it was and can run again.
    // Each item is its own conditional write, read again if it changed meanwhile: a few go at once.
    const others = partition.filter((item) => !(item.type === 'application' && item.applicationId === applicationId) && !(alreadyErased && item.applicationId !== applicationId));
    await eachAtMost(others, WRITES_AT_ONCE, async (item) => tally.addAll(await this.rewriteInPlace(item, (current) => redacted(current, person))));
    if (!alreadyErased) {
      // Emails to the other people of the area (and the team) that name them: the other lead told who booked, an alert about an address.
      const mentioning = await this.emailsMentioning(person, this.neighboursOf(partition, addresses, nominations.length > 0));
      await eachAtMost(mentioning, WRITES_AT_ONCE, async (item) => tally.addAll(await this.rewriteEmail(item, person)));
    }
    const theirs = (await this.indexedUnder(addresses)).filter((item) => belongsTo(item, areaId, applicationId));
    await eachAtMost(theirs, WRITES_AT_ONCE, async (item) => {
      if (item.type === 'email') tally.addAll(await this.emptyEmail(item, addresses, pseudonym.email, at));
      else if (item.type === 'link' && (await this.remove(item))) tally.add('link');
    });
    for (const item of nominations) if (await this.remove(item)) tally.add('nomination');
    if (!alreadyErased && (await this.rekey(application, by, at))) tally.add('application');
    return tally.result;
  }

  /** The addresses of everyone else an area's emails go to: its other applicants, facilitators, the partners' contacts, the team. */
  private neighboursOf(partition: readonly Item[], addresses: readonly string[], nominated: boolean): Promise<string[]> | string[] {
    const own = new Set(addresses.map(applicantKey));
    const found = partition.flatMap((item) => {
      if (item.type === 'application') return [String(item.answers?.email ?? '')];
      if (item.type === 'consultancy-slot') return [String(item.facilitatorEmail ?? '')];
      if (item.type === 'person-calendar') return [String(item.recipient?.email ?? '')];
      return [];
    });
    const team = this.options.teamAddresses?.() ?? [];
    const listed = [...found, ...team].map(applicantKey).filter((address) => address.includes('@') && !own.has(address) && !isPseudonymousAddress(address));
    if (!nominated) return [...new Set(listed)];
    return this.partnerContacts().then((contacts) => [...new Set([...listed, ...contacts.map(applicantKey).filter((address) => !own.has(address))])]);
  }

  private async partnerContacts(): Promise<string[]> {
    const partners = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': lists.partners },
    });
    return partners.map((partner) => String(partner.contactEmail ?? '')).filter((address) => address.includes('@'));
  }

  /** The emails on the person index of `neighbours` whose wording names the person, as the index holds them (a rewrite reads each again). */
  private async emailsMentioning(person: Person, neighbours: Promise<string[]> | string[]): Promise<Item[]> {
    const needles = [...person.names, ...person.addresses].map((entry) => entry.toLowerCase());
    const found: Item[] = [];
    for (const address of await neighbours) {
      const items = await queryAll(this.documents, {
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: `${PERSON_INDEX.partitionKey} = :person AND begins_with(${PERSON_INDEX.sortKey}, :emails)`,
        ExpressionAttributeValues: { ':person': keys.personIndexOf(personHashOf(address)).gsi2pk, ':emails': 'EMAIL#' },
      });
      const emails = items.filter((item) => item.type === 'email');
      const worded = new Map((await this.withWordings(emails)).map((item) => [String(item.messageId), item]));
      found.push(...emails.filter((item) => {
        const seen = worded.get(String(item.messageId)) ?? item;
        return mentions([seen.subject, seen.text, seen.html, seen.calendar, seen.lastError, seen.outcome], needles);
      }));
    }
    return found;
  }

  /** Sent emails with the wording kept beside them (`wordingApart`) read with it: one batch, whatever their number. */
  private async withWordings(emails: readonly Item[]): Promise<Item[]> {
    const apart = emails.filter((item) => item.wordingApart === true);
    if (apart.length === 0) return [...emails];
    const wordings = await getItems(this.documents, this.tableName, apart.map((item) => keys.emailWording(String(item.messageId))));
    const byId = new Map(wordings.map((item) => [String(item.messageId), item]));
    return emails.map((item) => withWording(item, byId.get(String(item.messageId))));
  }

  /**
   * An email of someone else that names the person, rewritten, and what it said kept beside it too:
   * counted once, as one record.
   */
  private async rewriteEmail(item: Item, person: Person): Promise<RemovalCounts> {
    const own = await this.rewriteInPlace(item, (current) => redacted(current, person));
    if (item.wordingApart !== true) return own;
    const wording = await getItem(this.documents, this.tableName, keys.emailWording(String(item.messageId)));
    const said = wording ? await this.rewriteInPlace(wording, (current) => redacted(current, person)) : {};
    return Object.keys(own).length > 0 ? own : said;
  }

  /**
   * The application under a key that names nobody, in one transaction with the removal of the one
   * that named them: its reference, area, sector, dates and version stay, with the answers the
   * figures count; every free-text and contact answer is replaced.
   */
  private async rekey(application: Item, by: Actor, at: string): Promise<boolean> {
    const applicationId = String(application.applicationId);
    const areaId = String(application.areaId);
    const pseudonym = pseudonymOf(applicationId);
    const answers = application.answers as Record<string, unknown>;
    const removed = '(removed)';
    const kept = Object.fromEntries(
      (['sector', 'roleLevel', 'organisationKind', 'canAttendWorkshops', 'privacyConsent'] as const).flatMap((field) => (answers[field] === undefined ? [] : [[field, answers[field]]])),
    );
    const nomination = application.nomination as Record<string, unknown> | undefined;
    const retention = Object.fromEntries([RETENTION_INDEX.partitionKey, RETENTION_INDEX.sortKey].flatMap((name) => (application[name] === undefined ? [] : [[name, application[name]]])));
    const tombstone: Item = {
      ...keys.application(areaId, pseudonym.email),
      ...keys.applicationReference(applicationId),
      ...retention,
      type: 'application',
      applicationId,
      areaId,
      answers: { ...kept, fullName: pseudonym.name, email: pseudonym.email, organisation: removed, jobTitle: removed, partnershipExperience: removed, programmeHopes: removed },
      submittedAt: application.submittedAt,
      updatedAt: at,
      version: application.version,
      pseudonymisedAt: at,
      pseudonymisedBy: by,
      // Who put them forward stays (the partner's own record); why, in the partner's words about them, does not.
      ...(nomination ? { nomination: Object.fromEntries(Object.entries(nomination).filter(([name]) => name !== 'reason')) } : {}),
    };
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: moveItem(this.tableName, { pk: String(application.pk), sk: String(application.sk) }, Number(application.version), tombstone),
        }),
      );
      return true;
    } catch (error) {
      if (!isLostRace(error)) throw error;
      // Changed meanwhile (the person edited it, or another erasure won): start again from what is stored now.
      const now = await this.applicationByReference(areaId, applicationId);
      if (!now || isPseudonymousAddress(String(now.answers?.email ?? ''))) return false;
      return this.rekey(now, by, at);
    }
  }

  /**
   * Rewrites an item as `change` makes it from what is stored, compare-and-set: each changed
   * attribute only if it still holds what was read, and an item with a version only at that
   * version (raised, so a writer who read the old one tries again). Read again and retried when it
   * lost a race; nothing is written when nothing changes. The counts of what the landed write removed.
   */
  private async rewriteInPlace(item: Item, change: (current: Item) => Redaction): Promise<RemovalCounts> {
    let current: Item | undefined = item;
    for (let attempt = 1; current && attempt <= WRITE_TRIES; attempt += 1) {
      const { next, removed } = change(current);
      if (next === current) return {};
      if (await this.compareAndSet(current, next)) return removed;
      current = await getItem(this.documents, this.tableName, { pk: String(item.pk), sk: String(item.sk) });
    }
    if (current) throw new Error(`Could not rewrite ${String(item.pk)} ${String(item.sk)}: it kept changing`);
    return {};
  }

  private compareAndSet(current: Item, next: Item): Promise<boolean> {
    const names: Record<string, string> = { '#pk': tableSchema.partitionKey };
    const values: Record<string, unknown> = {};
    const conditions = ['attribute_exists(#pk)'];
    const sets: string[] = [];
    const removes: string[] = [];
    const changed = [...new Set([...Object.keys(current), ...Object.keys(next)])].filter(
      (name) => !KEY_ATTRIBUTES.has(name) && JSON.stringify(current[name]) !== JSON.stringify(next[name]),
    );
    changed.forEach((name, index) => {
      names[`#a${index}`] = name;
      if (current[name] === undefined) conditions.push(`attribute_not_exists(#a${index})`);
      else {
        conditions.push(`#a${index} = :old${index}`);
        values[`:old${index}`] = current[name];
      }
      if (next[name] === undefined) removes.push(`#a${index}`);
      else {
        sets.push(`#a${index} = :new${index}`);
        values[`:new${index}`] = next[name];
      }
    });
    if (typeof current.version === 'number' && !changed.includes('version')) {
      names['#version'] = 'version';
      values[':version'] = current.version;
      values[':nextVersion'] = current.version + 1;
      conditions.push('#version = :version');
      sets.push('#version = :nextVersion');
    }
    return unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: String(current.pk), sk: String(current.sk) },
          UpdateExpression: [sets.length > 0 ? `SET ${sets.join(', ')}` : '', removes.length > 0 ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim(),
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        }),
      ),
    );
  }

  /**
   * An email to or about the person, emptied: its status, dates and the email service's id stay
   * (so later reports still find it), its recipient becomes the pseudonym when it was the person,
   * and what it said is gone; one still waiting is cancelled. It leaves the person index and the
   * retention index, having nothing left to find or redact.
   */
  private async emptyEmail(item: Item, personAddresses: readonly string[], pseudonymousAddress: string, at: string): Promise<RemovalCounts> {
    const addresses = new Set(personAddresses.map(applicantKey));
    // What it said, kept beside it once sent, goes first: whatever then becomes of the email, nothing of that is left.
    if (item.wordingApart === true) await this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: keys.emailWording(String(item.messageId)) }));
    let current: Item | undefined = item;
    for (let attempt = 1; current && attempt <= WRITE_TRIES; attempt += 1) {
      const pending = current.status === 'pending';
      const toPerson = addresses.has(applicantKey(String(current.to ?? '')));
      const outcome = current.outcome as { detail?: string; at?: string } | undefined;
      const names: Record<string, string> = { '#status': 'status', '#subject': 'subject', '#text': 'text', '#html': 'html' };
      const values: Record<string, unknown> = { ':seen': current.status, ':subject': 'Removed at the person’s request', ':empty': '', ':redactedAt': at };
      // Marked as the retention pass marks what it redacts, so a later report keeps its status and not the address it may quote.
      const sets = ['#subject = :subject', '#text = :empty', '#html = :empty', 'redactedAt = :redactedAt'];
      if (toPerson) {
        sets.push('#to = :to');
        names['#to'] = 'to';
        values[':to'] = pseudonymousAddress;
      }
      if (outcome) {
        sets.push('outcome = :outcome');
        values[':outcome'] = { detail: '', ...(outcome.at ? { at: outcome.at } : {}) };
      }
      if (pending) {
        sets.push('#status = :cancelled');
        values[':cancelled'] = 'cancelled';
      }
      // `template` holds the facts an email is worded from at delivery (their name among them) until it is sent.
      const removes = ['calendar', 'lastError', 'about', 'template', 'wordingApart', PERSON_INDEX.partitionKey, PERSON_INDEX.sortKey, RETENTION_INDEX.partitionKey, RETENTION_INDEX.sortKey, ...(pending ? ['gsi1pk', 'gsi1sk'] : [])];
      const landed = await unlessLostRace(
        this.documents.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk: String(current.pk), sk: String(current.sk) },
            UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk) AND #status = :seen',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
      );
      if (landed) return pending ? { email: 1, emailCancelled: 1 } : { email: 1 };
      current = await getItem(this.documents, this.tableName, { pk: String(item.pk), sk: String(item.sk) });
    }
    return {};
  }

  /** Deletes an item if it is still there: true when this call removed it. */
  private remove(item: Item): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new DeleteCommand({ TableName: this.tableName, Key: { pk: String(item.pk), sk: String(item.sk) }, ConditionExpression: 'attribute_exists(pk)' }),
      ),
    );
  }

  /** The address's record of delivery problems and its daily counts of public-form emails. */
  private async removeAddressRecords(address: string, tally: Tally): Promise<void> {
    const unreachable = await getItem(this.documents, this.tableName, keys.unreachableAddress(address));
    if (unreachable && (await this.remove(unreachable))) tally.add('unreachable');
    const day = keys.emailAllowance(personHashOf(address), '');
    for (const allowance of await queryPrefix(this.documents, this.tableName, { pk: day.pk, skPrefix: day.sk })) {
      if (await this.remove(allowance)) tally.add('allowance');
    }
  }
}

/** `{ [name]: entity }` when there is the item, `{}` when not; the entity is what its store wrote. */
function optionalEntity<K extends string, T = never>(name: K, item: Item | undefined): Partial<Record<K, T>> {
  return item ? ({ [name]: entityOf(item) } as Record<K, T>) : {};
}

function merged(a: RemovalCounts, b: RemovalCounts): RemovalCounts {
  const result: Record<string, number> = { ...a };
  for (const [kind, count] of Object.entries(b)) result[kind] = (result[kind] ?? 0) + count;
  return result;
}

/** Whether an email or link on the person index belongs to this application (rather than to the person's part in another area). */
function belongsTo(item: Item, areaId: string, applicationId: string): boolean {
  if (item.applicationId !== undefined) return item.applicationId === applicationId;
  if (item.areaId !== undefined) return item.areaId === areaId;
  const messageId = String(item.messageId ?? '');
  return messageId.includes(applicationId) || messageId.includes(`-${areaId}-`);
}

function heldSelection(selection: Item, applicationId: string): HeldSelection {
  const selected = Object.values((selection.selected ?? {}) as Record<string, string[]>).some((ids) => ids.includes(applicationId));
  const membership = ((selection.membership ?? []) as HeldSelection['membership']).filter((change) => change.applicationId === applicationId);
  const outcome = (selection.outcomes as Record<string, HeldSelection['outcome']> | undefined)?.[applicationId];
  return {
    status: selection.status,
    selected,
    lead: Object.values((selection.leads ?? {}) as Record<string, string>).includes(applicationId) || membership.some((change) => change.wasLead === true),
    ...(outcome ? { outcome } : {}),
    offered: Object.values((selection.offered ?? {}) as Record<string, string>).includes(applicationId),
    withdrawn: ((selection.withdrawn ?? []) as string[]).includes(applicationId),
    declined: ((selection.declined ?? []) as string[]).includes(applicationId),
    membership,
  };
}

function toHeldEmail(item: Item): HeldEmail {
  return {
    messageId: String(item.messageId),
    ...(item.areaId ? { areaId: String(item.areaId) } : {}),
    to: String(item.to ?? ''),
    subject: String(item.subject ?? ''),
    text: withoutLinks(String(item.text ?? '')),
    status: item.status,
    createdAt: String(item.createdAt ?? ''),
    ...(item.sentAt ? { sentAt: String(item.sentAt) } : {}),
    ...(item.outcome ? { outcome: item.outcome } : {}),
    // Waiting as its template, it has no wording yet: the template is what the record words its subject from.
    ...(item.template && !item.text ? { template: item.template } : {}),
  };
}

function toHeldLink(item: Item): HeldLink {
  return {
    purpose: item.purpose,
    areaId: String(item.areaId),
    ...(item.applicationId ? { applicationId: String(item.applicationId) } : {}),
    expiresAt: String(item.expiresAt),
  };
}

/** An item as it should stand, and what that removed, by kind: the same item when nothing changes. */
interface Redaction {
  next: Item;
  removed: RemovalCounts;
}

const withoutNote = (value: unknown) => (value && typeof value === 'object' && 'note' in value ? Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'note')) : value);

/**
 * An item of the area as it should stand with the person erased: their review notes and evaluation
 * comment gone (scores and ratings stay), their words quoted in an audit entry gone, and every
 * mention of their name or address replaced by the pseudonym.
 */
function redacted(item: Item, person: Person): Redaction {
  const removed = new Tally();
  let next = item;
  const own = person.applicationId !== undefined && item.applicationId === person.applicationId;
  if (own && item.type === 'review' && item.note !== undefined) {
    const { note: _note, ...rest } = next;
    next = rest;
    removed.add('reviewNote');
  }
  if (own && item.type === 'evaluation' && (item.answers?.comments !== undefined || item.commentPublishable !== undefined)) {
    const { comments: _comments, ...answers } = item.answers as Record<string, unknown>;
    const { commentPublishable: _publishable, ...rest } = next;
    next = { ...rest, answers };
    if (item.answers?.comments !== undefined) removed.add('evaluationComment');
  }
  if (item.type === 'audit') {
    const about =
      (person.applicationId !== undefined && (item.subjects as unknown[] | undefined)?.includes(person.applicationId)) ||
      mentions([item.summary, item.before, item.after], [...person.names, ...person.addresses].map((entry) => entry.toLowerCase()));
    if (about && REVIEW_ACTIONS.has(String(item.action))) {
      next = { ...next, ...(next.before === undefined ? {} : { before: withoutNote(next.before) }), ...(next.after === undefined ? {} : { after: withoutNote(next.after) }) };
    }
    if (about && COMMENT_ACTIONS.test(String(item.action))) next = { ...next, summary: String(next.summary).replace(/“[^”]*”/gu, '“(comment removed)”') };
  }
  const replace = replacerFor(person);
  let renamed = false;
  const rewritten: Item = { ...next };
  for (const [name, value] of Object.entries(next)) {
    if (KEY_ATTRIBUTES.has(name)) continue;
    const replaced = deepReplaced(value, replace);
    if (replaced !== value) {
      rewritten[name] = replaced;
      renamed = true;
    }
  }
  if (renamed) removed.add('record');
  const result = renamed ? rewritten : next;
  return { next: result === item || JSON.stringify(result) === JSON.stringify(item) ? item : result, removed: removed.result };
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A name as an email's HTML part writes it. */
function htmlEscaped(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => HTML_ENTITIES[character]!);
}

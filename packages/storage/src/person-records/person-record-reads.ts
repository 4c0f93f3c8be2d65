import {
  applicantKey,
  type AuditEntry,
  type EvaluationResponse,
  type FollowUpAnswer,
  type HeldApplication,
  type HeldEmail,
  type HeldLink,
  type HeldSelection,
  type PartnerNomination,
  type PersonCalendar,
  type PersonRecord,
  type UnreachableAddress,
} from '@pip/domain';
import { getItem, getItems, type Item } from '../items';
import { keys } from '../keys';
import { queryPrefix } from '../query-all';
import { toSavedApplication } from '../saved-application-store';
import { mentions, pseudonymOf } from './person-names';
import { addressesOf, applicationsIn, areaList, freshCopiesOf, indexCopiesUnder, indexedUnder, nominationsOfPartners, partnerList, withWordings, wordingsOf } from './person-lookup';
import { entityOf, type PersonTable } from './person-table';

// A person's whole record as the staff page shows it and their export (a subject access request) hands it over: reading only, nothing here writes.

/**
 * Read in two waves whatever the number of areas. First, side by side: the areas, the person index
 * (whose emails and links name the area and reference of each application they concern), the
 * address's delivery problems and the partners. Then, side by side: the address's application in
 * every area as one consistent batch (what decides which applications are theirs), the index's items
 * read again consistently, the wordings kept apart, each partner's nominations, and the records of
 * each application the index named, by their keys and prefixes in its area, never the whole area. A
 * third wave only for an application no email or link names yet, or an email whose wording went apart
 * since the index copied it; more only when an address was corrected. Each step's reads begin together
 * once the step before has answered, so no read waits on one it does not need, however the answers
 * of a loaded table interleave.
 */
export async function gather(table: PersonTable, email: string): Promise<PersonRecord> {
  const address = applicantKey(email);
  // Each step's reads begin together, once the step before has answered: two round trips, however the answers interleave.
  const [areas, copies, unreachableFirst, partners] = await Promise.all([
    areaList(table),
    indexCopiesUnder(table, [address]),
    getItem(table.documents, table.tableName, keys.unreachableAddress(address)),
    partnerList(table),
  ]);
  // The emails and links the index holds name the area and reference of each application they concern: its
  // records are read from there, beside the batch that decides whether the application is still the address's.
  const named = new Map<string, Promise<Item[]>>();
  for (const copy of copies) {
    const key = `${copy.areaId}\u0000${copy.applicationId}`;
    if (typeof copy.areaId !== 'string' || typeof copy.applicationId !== 'string' || named.has(key)) continue;
    const records = recordsAbout(table, copy.areaId, copy.applicationId);
    // Unused when the application is no longer the address's: its failure must not go unhandled.
    records.catch(() => undefined);
    named.set(key, records);
  }
  const [found, nominationsOfAll, indexedFirst, wordingsFirst] = await Promise.all([
    applicationsIn(table, address, areas),
    nominationsOfPartners(table, partners),
    freshCopiesOf(table, copies),
    wordingsOf(table, copies),
  ]);
  const applications = await Promise.all(
    found.map(async ({ area, item }) => heldApplication(area, item, await (named.get(`${area.areaId}\u0000${String(item.applicationId)}`) ?? recordsAbout(table, area.areaId, String(item.applicationId))))),
  );
  const addresses = [...new Set([address, ...applications.flatMap((held) => addressesOf(held.item, held.partition))])];
  const earlier = addresses.filter((one) => one !== address);
  const [indexedEarlier, unreachableEarlier] = earlier.length > 0
    ? await Promise.all([indexedUnder(table, earlier), getItems(table.documents, table.tableName, earlier.map((one) => keys.unreachableAddress(one)))])
    : [[], []];
  const unreachable = [...(unreachableFirst ? [unreachableFirst] : []), ...unreachableEarlier];
  const indexed = [...new Map([...indexedFirst, ...indexedEarlier].map((item) => [`${item.pk}\u0000${item.sk}`, item])).values()];
  const wanted = new Set(addresses.map(applicantKey));
  const nominations = nominationsOfAll.filter((item) => wanted.has(applicantKey(String(item.candidateEmail ?? ''))));
  return {
    email,
    addresses,
    applications: applications.map(({ held }) => held),
    emails: (await withWordings(table, indexed.filter((item) => item.type === 'email'), wordingsFirst)).map(toHeldEmail).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    links: indexed.filter((item) => item.type === 'link').map(toHeldLink).sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)),
    nominations: nominations.map((item) => entityOf(item) as PartnerNomination),
    unreachable: addresses.flatMap((one) => unreachable.filter((item) => item.pk === keys.unreachableAddress(one).pk)).map((item) => entityOf(item) as UnreachableAddress),
    savedApplications: indexed.filter((item) => item.type === 'saved-application').map(toSavedApplication).sort((a, b) => a.savedAt.localeCompare(b.savedAt)),
  };
}

/**
 * What of the application's area concerns the person, read side by side by key and prefix (the
 * area's audit log, searched for entries about them, is the largest part): a record never reads
 * the whole area.
 */
async function recordsAbout(table: PersonTable, areaId: string, applicationId: string): Promise<Item[]> {
  const prefix = (skPrefix: string) => queryPrefix(table.documents, table.tableName, { pk: keys.area(areaId).pk, skPrefix });
  const found = await Promise.all([
    getItems(table.documents, table.tableName, [
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

function heldApplication(area: { areaId: string; name: string }, item: Item, partition: Item[]): { held: HeldApplication; item: Item; partition: Item[] } {
  const application = entityOf(item) as HeldApplication['application'];
  const id = application.applicationId;
  const name = application.answers.fullName;
  const addresses = addressesOf(item, partition);
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

/** `{ [name]: entity }` when there is the item, `{}` when not; the entity is what its store wrote. */
function optionalEntity<K extends string, T = never>(name: K, item: Item | undefined): Partial<Record<K, T>> {
  return item ? ({ [name]: entityOf(item) } as Record<K, T>) : {};
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

/** An email's wording with every personal link's token replaced: an export never hands anyone a live link. */
function withoutLinks(text: string): string {
  return text.replace(/(?<=[/=])[A-Za-z0-9_-]{32,}/gu, '[personal link]');
}

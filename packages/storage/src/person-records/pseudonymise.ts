import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { eachAtMost, isPseudonymousAddress, type Actor, type RemovalCounts } from '@pip/domain';
import { isLostRace, moveItem } from '../conditional';
import type { Item } from '../items';
import { keys } from '../keys';
import { emptyEmail } from './emptied-email';
import { addressesOf, applicationByReference, indexedUnder, itemsOfArea, nominationItems } from './person-lookup';
import { emailsMentioning, neighboursOf, rewriteEmail } from './person-mentions';
import { htmlEscaped, pseudonymOf, type Person } from './person-names';
import { RETENTION_INDEX, type PersonTable } from './person-table';
import { remove, rewriteInPlace } from './record-writes';
import { redacted } from './redaction';
import { Tally } from './removal-tally';

// Pseudonymising one application: the retention pass and an erasure at the person's request share it.

/** How many of one person's records a pseudonymisation rewrites at once. */
const WRITES_AT_ONCE = 8;

/** The application of that reference pseudonymised, as a retention pass asks; nothing when it is gone. */
export async function pseudonymiseApplication(table: PersonTable, areaId: string, applicationId: string, by: Actor, at: string): Promise<RemovalCounts> {
  const application = await applicationByReference(table, areaId, applicationId);
  if (!application) return {};
  return pseudonymise(table, application, by, at);
}

export async function pseudonymise(table: PersonTable, application: Item, by: Actor, at: string, readPartition?: Item[]): Promise<RemovalCounts> {
  const areaId = String(application.areaId);
  const applicationId = String(application.applicationId);
  const pseudonym = pseudonymOf(applicationId);
  const partition = readPartition ?? (await itemsOfArea(table, areaId));
  const answers = (application.answers ?? {}) as Record<string, unknown>;
  const alreadyErased = isPseudonymousAddress(String(answers.email ?? ''));
  const addresses = alreadyErased ? [] : addressesOf(application, partition);
  const nominations = addresses.length > 0 ? await nominationItems(table, addresses, areaId) : [];
  const fullNames = alreadyErased ? [] : [String(answers.fullName ?? ''), ...nominations.map((item) => String(item.candidateName ?? ''))];
  const person: Person = { applicationId, names: [...fullNames, ...fullNames.map(htmlEscaped)], addresses, pseudonym };
  const tally = new Tally();

  // First every record that names them, so that a pass cut short finds the application as it was and can run again.
  // Each item is its own conditional write, read again if it changed meanwhile: a few go at once.
  const others = partition.filter((item) => !(item.type === 'application' && item.applicationId === applicationId) && !(alreadyErased && item.applicationId !== applicationId));
  await eachAtMost(others, WRITES_AT_ONCE, async (item) => tally.addAll(await rewriteInPlace(table, item, (current) => redacted(current, person))));
  if (!alreadyErased) {
    // Emails to the other people of the area (and the team) that name them: the other lead told who booked, an alert about an address.
    const mentioning = await emailsMentioning(table, person, neighboursOf(table, partition, addresses, nominations.length > 0));
    await eachAtMost(mentioning, WRITES_AT_ONCE, async (item) => tally.addAll(await rewriteEmail(table, item, person)));
  }
  const theirs = (await indexedUnder(table, addresses)).filter((item) => belongsTo(item, areaId, applicationId));
  await eachAtMost(theirs, WRITES_AT_ONCE, async (item) => {
    if (item.type === 'email') tally.addAll(await emptyEmail(table, item, addresses, pseudonym.email, at));
    else if (item.type === 'link' && (await remove(table, item))) tally.add('link');
  });
  for (const item of nominations) if (await remove(table, item)) tally.add('nomination');
  if (!alreadyErased && (await rekey(table, application, by, at))) tally.add('application');
  return tally.result;
}

/** Whether an email or link on the person index belongs to this application (rather than to the person's part in another area). */
function belongsTo(item: Item, areaId: string, applicationId: string): boolean {
  if (item.applicationId !== undefined) return item.applicationId === applicationId;
  if (item.areaId !== undefined) return item.areaId === areaId;
  const messageId = String(item.messageId ?? '');
  return messageId.includes(applicationId) || messageId.includes(`-${areaId}-`);
}

/**
 * The application under a key that names nobody, in one transaction with the removal of the one
 * that named them: its reference, area, sector, dates and version stay, with the answers the
 * figures count; every free-text and contact answer is replaced.
 */
async function rekey(table: PersonTable, application: Item, by: Actor, at: string): Promise<boolean> {
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
    await table.documents.send(
      new TransactWriteCommand({
        TransactItems: moveItem(table.tableName, { pk: String(application.pk), sk: String(application.sk) }, Number(application.version), tombstone),
      }),
    );
    return true;
  } catch (error) {
    if (!isLostRace(error)) throw error;
    // Changed meanwhile (the person edited it, or another erasure won): start again from what is stored now.
    const now = await applicationByReference(table, areaId, applicationId);
    if (!now || isPseudonymousAddress(String(now.answers?.email ?? ''))) return false;
    return rekey(table, now, by, at);
  }
}

import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { applicantKey, type RemovalCounts } from '@pip/domain';
import { unlessLostRace } from '../conditional';
import { getItem, type Item } from '../items';
import { keys } from '../keys';
import { PERSON_INDEX, RETENTION_INDEX, type PersonTable } from './person-table';
import { WRITE_TRIES } from './record-writes';

/**
 * An email to or about the person, emptied: its status, dates and the email service's id stay
 * (so later reports still find it), its recipient becomes the pseudonym when it was the person,
 * and what it said is gone; one still waiting is cancelled. It leaves the person index and the
 * retention index, having nothing left to find or redact.
 */
export async function emptyEmail(table: PersonTable, item: Item, personAddresses: readonly string[], pseudonymousAddress: string, at: string): Promise<RemovalCounts> {
  const addresses = new Set(personAddresses.map(applicantKey));
  // What it said, kept beside it once sent, goes first: whatever then becomes of the email, nothing of that is left.
  if (item.wordingApart === true) await table.documents.send(new DeleteCommand({ TableName: table.tableName, Key: keys.emailWording(String(item.messageId)) }));
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
      table.documents.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: { pk: String(current.pk), sk: String(current.sk) },
          UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk) AND #status = :seen',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      ),
    );
    if (landed) return pending ? { email: 1, emailCancelled: 1 } : { email: 1 };
    current = await getItem(table.documents, table.tableName, { pk: String(item.pk), sk: String(item.sk) });
  }
  return {};
}

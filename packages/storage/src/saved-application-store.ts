import { DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SavedApplication, SavedApplicationEmail, SavedApplicationStore, SavedReminder } from '@pip/domain';
import { applicantKey } from '@pip/domain';
import { isLostRace, unlessLostRace } from './conditional';
import { allowanceUpdate } from './email-allowance-store';
import { hashToken } from './emailed-link-store';
import { getItem, optional, type Item } from './items';
import { keys, personHashOf } from './keys';
import { outboxPut } from './outbox-store';
import { queryPrefix } from './query-all';

/**
 * Saved applications: each under its area by the hash of its link's token, on the person index by
 * its address (for the person's export and erasure) and on the retention index from when it is due.
 * The item is of its own type and sort key prefix, so nothing that reads an area's applications,
 * reviews or counts ever reads it.
 */
export class DynamoSavedApplicationStore implements SavedApplicationStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(token: string, saved: SavedApplication, { email, allowance, reminder }: SavedApplicationEmail, retainUntil: string): Promise<'written' | 'repeated' | 'limit-reached'> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { ...this.put(token, saved, retainUntil), ConditionExpression: 'attribute_not_exists(pk)' } },
            // Sent from the table's stream once stored, as an application's email is: the request sends nothing.
            { Put: outboxPut(this.tableName, email, saved.savedAt) },
            { Update: allowanceUpdate(this.tableName, allowance) },
            ...(reminder ? [{ Put: this.reminderPut(reminder, saved.savedAt) }] : []),
          ],
        }),
      );
      return 'written';
    } catch (error) {
      if (!isLostRace(error)) throw error;
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      // The email of this save request is there already: the same request again, which has done its work.
      if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'repeated';
      if (reasons[2]?.Code === 'ConditionalCheckFailed') return 'limit-reached';
      // The reminder no longer waits (sent, or withdrawn): it stays so, and the answers are saved without it.
      if (reminder && reasons[3]?.Code === 'ConditionalCheckFailed') return this.create(token, saved, { email, allowance }, retainUntil);
      throw error;
    }
  }

  async find(areaId: string, token: string): Promise<SavedApplication | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.savedApplication(areaId, hashToken(token)));
    return item ? toSavedApplication(item) : undefined;
  }

  update(token: string, saved: SavedApplication, retainUntil: string): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(new PutCommand({ ...this.put(token, saved, retainUntil), ConditionExpression: 'attribute_exists(pk)' })),
    );
  }

  async listForArea(areaId: string): Promise<SavedApplication[]> {
    return (await queryPrefix(this.documents, this.tableName, keys.savedApplicationsOfArea(areaId))).map(toSavedApplication);
  }

  /**
   * The reminder is an outbox email like any other, held until its time (`sendAfter`) and dropped once
   * applications close (`notAfter`); it keeps the link it carries and when that ends, so that a moved
   * window can move it. Replaced only while it still waits: once sent or withdrawn it stays so.
   */
  putReminder(reminder: SavedReminder, at: string): Promise<boolean> {
    return unlessLostRace(this.documents.send(new PutCommand(this.reminderPut(reminder, at))));
  }

  private reminderPut({ email, resumeUrl, linkExpiresAt }: SavedReminder, at: string) {
    // Withdrawn unsent once the address has applied to the area, even before the application's stream record is acted on.
    const put = outboxPut(this.tableName, email, at, email.areaId ? { withdrawnOnceApplied: email.areaId } : {});
    return {
      ...put,
      Item: { ...put.Item, resumeUrl, linkExpiresAt },
      ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    };
  }

  async pendingReminder(messageId: string): Promise<{ to: string; resumeUrl: string; linkExpiresAt: string } | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.email(messageId));
    if (item?.status !== 'pending' || typeof item.resumeUrl !== 'string') return undefined;
    return { to: String(item.to), resumeUrl: item.resumeUrl, linkExpiresAt: String(item.linkExpiresAt) };
  }

  async forgetApplicant(areaId: string, email: string, reminderMessageId: string): Promise<number> {
    // Withdrawn first: were a deletion to fail, no reminder would go for answers already sent.
    await unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.email(reminderMessageId),
          UpdateExpression: 'SET #status = :cancelled REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending' },
        }),
      ),
    );
    const address = applicantKey(email);
    const theirs = (await queryPrefix(this.documents, this.tableName, keys.savedApplicationsOfArea(areaId))).filter((item) => applicantKey(String(item.email)) === address);
    let removed = 0;
    for (const item of theirs) {
      const gone = await unlessLostRace(
        this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: String(item.pk), sk: String(item.sk) }, ConditionExpression: 'attribute_exists(pk)' })),
      );
      if (gone) removed += 1;
    }
    return removed;
  }

  private put(token: string, saved: SavedApplication, retainUntil: string) {
    const tokenHash = hashToken(token);
    return {
      TableName: this.tableName,
      Item: {
        ...keys.savedApplication(saved.areaId, tokenHash),
        ...keys.personIndex(personHashOf(saved.email), `SAVED-APPLICATION#${saved.areaId}#${tokenHash}`),
        ...keys.retentionDue('saved-applications', retainUntil, `${saved.areaId}#${tokenHash}`),
        type: 'saved-application',
        ...saved,
      } satisfies Item,
    };
  }
}

export function toSavedApplication({ areaId, email, answers, savedAt, expiresAt, nomination }: Item): SavedApplication {
  return { areaId, email, answers: answers ?? {}, savedAt, expiresAt, ...optional({ nomination }) };
}

import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { retentionDueAt, retentionRule, type EmailOutcome, type EmailTracking, type NewEmailedLink, type OutboundEmail, type Outbox, type StoredEmail } from '@pip/domain';
import { isLostRace, unlessLostRace } from './conditional';
import { linkPut } from './emailed-link-store';
import { getItem, optional, type Item } from './items';
import { keys, lists, personHashOf } from './keys';
import { queryAll } from './query-all';

/** When an email's wording is due to go: the retention schedule's days after `anchoredAt`. */
export function emailContentDueAt(anchoredAt: string): string {
  return retentionDueAt(retentionRule('email-content'), anchoredAt);
}

/**
 * The Put that adds an email to the outbox, for use inside the transaction that records the event
 * it reports. The same message id twice is refused, so a retried event never queues a second email.
 * The email is found on the person index by the address of the person it is about. It joins the
 * retention index only once it stops waiting (sent, given up, expired or withdrawn): the retention pass
 * leaves an email still waiting to go untouched, so a copy there would be written (with every claim
 * and retry) for nothing.
 */
export function outboxPut(tableName: string, email: OutboundEmail, createdAt: string, options: OutboxPutOptions = {}): NonNullable<PutCommandInput> {
  return {
    TableName: tableName,
    Item: {
      ...keys.email(email.messageId),
      // Pending emails are found in the order they fall due.
      ...keys.pendingEmail(email.sendAfter ?? createdAt),
      ...keys.personIndex(personHashOf(email.about ?? email.to), `EMAIL#${createdAt}#${email.messageId}`),
      type: 'email',
      ...waiting(email),
      status: 'pending',
      createdAt,
      attempts: 0,
      ...((options.deliverOnInsert ?? dueWhenStored(email, createdAt)) ? { deliverOnInsert: true } : {}),
      ...(options.withdrawnOnceApplied ? { withdrawnOnceApplied: options.withdrawnOnceApplied } : {}),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/**
 * An email as it waits in the outbox: one with a template (`OutboundEmail.template`) is kept without its
 * wording, which is most of its size and which the item would otherwise write three times (the table,
 * the pending list, the person index) and again with every claim; delivery words it as it sends it, and
 * keeps what it said beside it (`keepWording`).
 */
function waiting(email: OutboundEmail): OutboundEmail {
  if (!email.template) return email;
  return { ...email, subject: '', text: '', html: '' };
}

/** Whether an email is due the moment it is stored: one held for later (a reminder) is not. */
function dueWhenStored(email: OutboundEmail, createdAt: string): boolean {
  return !email.sendAfter || email.sendAfter <= createdAt;
}

export interface OutboxPutOptions {
  /**
   * Sent as soon as it is stored, by the function the table's stream invokes (`newRecordFilters`),
   * rather than by whatever queued it; the minute's delivery remains the safety net. Every email due
   * when stored is, unless this says otherwise (a measurement's bare transaction that sends nothing).
   */
  deliverOnInsert?: boolean;
  /**
   * The area whose application from the email's address withdraws it unsent: a reminder to apply.
   * (The area alone: the address is the email's own, which erasure and retention already rewrite.)
   */
  withdrawnOnceApplied?: string;
}

/**
 * The outbox, for the use cases that queue emails and for the delivery that sends them. Storage
 * does not depend on the mail package, so this class meets the delivery's outbox interface by its
 * shape rather than by naming it.
 */
export class DynamoOutboxStore implements Outbox, EmailTracking {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * The email by its key, read consistently, and only when it says its wording is kept apart (sent, or
   * given up), the wording by its key after it. Delivery reads a waiting email, which has no wording
   * item yet: one read of one item, not a query of the email's partition for a wording that is not there.
   */
  async get(messageId: string): Promise<StoredEmail | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.email(messageId));
    if (!item) return undefined;
    const wording = item.wordingApart ? await getItem(this.documents, this.tableName, keys.emailWording(messageId)) : undefined;
    return toStoredEmail(withWording(item, wording));
  }

  /**
   * Queues an email once: an email with the same message id is never queued again, so a retried
   * decision sends nothing twice. A link the email carries is stored with it, or not at all, and so
   * are the later emails that carry the link again.
   */
  async enqueue(email: OutboundEmail, createdAt: string, link?: NewEmailedLink, alongWith: readonly OutboundEmail[] = []): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: outboxPut(this.tableName, email, createdAt) },
            ...(link ? [{ Put: linkPut(this.tableName, link.token, link.link, email.to) }] : []),
            ...alongWith.map((later) => ({ Put: outboxPut(this.tableName, later, createdAt) })),
          ],
        }),
      ),
    );
  }

  /** Ids of emails due and not yet sent, oldest first (those stuck in `sending` included, once their claim lapses). */
  async pendingIds(now: Date): Promise<string[]> {
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pending AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':pending': lists.pendingEmails, ':now': now.toISOString() },
    });
    return items.map((item) => String(item.messageId));
  }

  /**
   * When the email that has waited longest fell due, if any due email is still unsent: the index keeps
   * pending emails in the order they fall due (queued, or held until a reminder's time or the next
   * try), so this reads one item, however long the outbox is.
   */
  async oldestDueAt(now: Date): Promise<string | undefined> {
    const page = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pending AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pending': lists.pendingEmails, ':now': now.toISOString() },
        ProjectionExpression: 'gsi1sk',
        Limit: 1,
      }),
    );
    const dueAt = page.Items?.[0]?.gsi1sk;
    return typeof dueAt === 'string' ? dueAt : undefined;
  }

  /**
   * Takes the email for sending and answers it as claimed, from the claim's own answer (no second
   * read); nothing if it is sent or another sender holds a live claim. A reminder to apply
   * (`withdrawnOnceApplied`) is withdrawn instead if its address has applied by the time it is
   * claimed: only an application stored while the reminder is already on its way misses it.
   */
  async claim(messageId: string, now: Date, claimSeconds: number): Promise<StoredEmail | undefined> {
    // The claim lasts while a send may be in flight: elapsed time on the machine, not the platform's
    // clock, which the local platform moves days at a time (in AWS the two are one). `now` decides only
    // whether the email is due.
    const machineNow = new Date();
    let claimed: Item | undefined;
    try {
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.email(messageId),
          UpdateExpression: 'SET #status = :sending, claimExpiresAt = :expires, attempts = attempts + :one',
          ConditionExpression: '(#status = :pending OR (#status = :sending AND claimExpiresAt < :machineNow)) AND (attribute_not_exists(sendAfter) OR sendAfter <= :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':pending': 'pending',
            ':now': now.toISOString(),
            ':machineNow': machineNow.toISOString(),
            ':expires': new Date(machineNow.getTime() + claimSeconds * 1000).toISOString(),
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      claimed = Attributes;
    } catch (error) {
      if (isLostRace(error)) return undefined;
      throw error;
    }
    if (!claimed) return undefined;
    const areaId = claimed.withdrawnOnceApplied;
    if (typeof areaId !== 'string' || typeof claimed.to !== 'string' || !(await getItem(this.documents, this.tableName, keys.application(areaId, claimed.to)))) {
      // As `get` answers it: with its wording, wherever that is kept.
      const wording = claimed.wordingApart ? await getItem(this.documents, this.tableName, keys.emailWording(messageId)) : undefined;
      return toStoredEmail(withWording(claimed, wording));
    }
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.email(messageId),
        UpdateExpression: 'SET #status = :cancelled, gsi3pk = if_not_exists(gsi3pk, :duePk), gsi3sk = if_not_exists(gsi3sk, :dueSk) REMOVE gsi1pk, gsi1sk, claimExpiresAt',
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':cancelled': 'cancelled', ':sending': 'sending', ...retentionValues(claimed) },
      }),
    );
    return undefined;
  }

  /**
   * Out of the pending list, and findable by the email service's id for its later reports; its
   * wording is due to go the schedule's period after now.
   */
  async markSent(messageId: string, now: Date, sesMessageId?: string, wording?: EmailWording): Promise<void> {
    const found = sesMessageId ? keys.sentEmail(sesMessageId) : undefined;
    const due = keys.retentionDue('email-content', emailContentDueAt(now.toISOString()), messageId);
    const worded = await this.keepWording(messageId, wording);
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.email(messageId),
        UpdateExpression: found
          ? `SET #status = :sent, sentAt = :now, sesMessageId = :ses, gsi1pk = :found, gsi1sk = :foundSort, gsi3pk = :duePk, gsi3sk = :dueSk${worded.set} REMOVE claimExpiresAt, template${worded.remove}`
          : `SET #status = :sent, sentAt = :now, gsi3pk = :duePk, gsi3sk = :dueSk${worded.set} REMOVE gsi1pk, gsi1sk, claimExpiresAt, template${worded.remove}`,
        ExpressionAttributeNames: { '#status': 'status', ...worded.names },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':now': now.toISOString(),
          ':duePk': due.gsi3pk,
          ':dueSk': due.gsi3sk,
          ...(found ? { ':ses': sesMessageId, ':found': found.gsi1pk, ':foundSort': found.gsi1sk } : {}),
          ...worded.values,
        },
      }),
    );
  }

  async findBySesMessageId(sesMessageId: string): Promise<StoredEmail | undefined> {
    const found = keys.sentEmail(sesMessageId);
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :found AND gsi1sk = :foundSort',
      ExpressionAttributeValues: { ':found': found.gsi1pk, ':foundSort': found.gsi1sk },
    });
    return items[0] ? toStoredEmail(items[0]) : undefined;
  }

  async recordOutcome(messageId: string, outcome: EmailOutcome): Promise<void> {
    // Reports may come in any order and more than once: a delivery never hides a bounce or complaint.
    const worse: Record<EmailOutcome['status'], string[]> = { delivered: ['sent'], bounced: ['sent', 'delivered'], complained: ['sent', 'delivered', 'bounced'] };
    const allowed = worse[outcome.status];
    const update = (redacted: boolean) =>
      unlessLostRace(
        this.documents.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.email(messageId),
            UpdateExpression: 'SET #status = :status, outcome = :outcome',
            ConditionExpression: `#status IN (${allowed.map((_, index) => `:allowed${index}`).join(', ')}) AND ${redacted ? 'attribute_exists' : 'attribute_not_exists'}(redactedAt)`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':status': outcome.status,
              // The email service's diagnostic may quote the address: an email whose wording is gone keeps only when.
              ':outcome': redacted ? { at: outcome.at } : { detail: outcome.detail.slice(0, 500), at: outcome.at },
              ...Object.fromEntries(allowed.map((status, index) => [`:allowed${index}`, status])),
            },
          }),
        ),
      );
    if (!(await update(false))) await update(true);
  }

  /** Withdraws an email not yet sent, such as a reminder of a workshop that moved; false if it went already. */
  async cancel(messageId: string): Promise<boolean> {
    // Read first for when its wording falls due: a withdrawal is rare, the copy on the retention index of every waiting email is not.
    const item = await getItem(this.documents, this.tableName, keys.email(messageId));
    if (item?.status !== 'pending') return false;
    return unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.email(messageId),
          UpdateExpression: 'SET #status = :cancelled, gsi3pk = if_not_exists(gsi3pk, :duePk), gsi3sk = if_not_exists(gsi3sk, :dueSk) REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending', ...retentionValues(item) },
        }),
      ),
    );
  }

  /** Puts the email back to be tried again at `retryAt`, keeping the reason for staff to see. */
  async release(messageId: string, reason: string, retryAt: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.email(messageId),
        UpdateExpression: 'SET #status = :pending, lastError = :reason, sendAfter = :retryAt, gsi1pk = :list, gsi1sk = :retryAt REMOVE claimExpiresAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending', ':reason': reason.slice(0, 500), ':retryAt': retryAt, ':list': lists.pendingEmails },
      }),
    );
  }

  /** Stops trying: the email is out of the pending list for good, and says why. */
  async finish(messageId: string, status: 'given-up' | 'expired', reason?: string, wording?: EmailWording): Promise<void> {
    // Read first for when its wording falls due (from when it was meant to go, as for one withdrawn): giving up is rare.
    const item = await getItem(this.documents, this.tableName, keys.email(messageId));
    if (!item) return;
    const worded = await this.keepWording(messageId, wording);
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.email(messageId),
        UpdateExpression: `SET #status = :status, gsi3pk = if_not_exists(gsi3pk, :duePk), gsi3sk = if_not_exists(gsi3sk, :dueSk)${reason === undefined ? '' : ', lastError = :reason'}${worded.set} REMOVE gsi1pk, gsi1sk, claimExpiresAt, template${worded.remove}`,
        ExpressionAttributeNames: { '#status': 'status', ...worded.names },
        ExpressionAttributeValues: { ':status': status, ...retentionValues(item), ...(reason === undefined ? {} : { ':reason': reason.slice(0, 500) }), ...worded.values },
      }),
    );
  }

  /**
   * The wording an email went with, for the record, once it has gone (its template goes then, with its
   * facts): the body in an item of its own beside the email, on no index, so the email's item and its
   * three index copies stay under a KB; the subject stays on the email, for the timeline and the
   * delivery reports. Written before the email is marked, so a marked email always has its wording.
   */
  private async keepWording(messageId: string, wording: EmailWording | undefined): Promise<WordingUpdate> {
    if (!wording) return { set: '', remove: '', names: {}, values: {} };
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { ...keys.emailWording(messageId), type: 'email-wording', messageId, text: wording.text, html: wording.html } }),
    );
    return { set: ', #subject = :subject, wordingApart = :apart', remove: ', #text, #html', names: { '#subject': 'subject', '#text': 'text', '#html': 'html' }, values: { ':subject': wording.subject, ':apart': true } };
  }
}

type EmailWording = Pick<OutboundEmail, 'subject' | 'text' | 'html'>;
interface WordingUpdate {
  set: string;
  remove: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** Where an email that stops waiting stands on the retention index: from when it was meant to go, as it stood before it waited apart. */
function retentionValues(item: Item | undefined): Record<string, string> {
  const messageId = String(item?.messageId ?? '');
  const from = String(item?.sendAfter ?? item?.createdAt ?? new Date(0).toISOString());
  const due = keys.retentionDue('email-content', emailContentDueAt(from), messageId);
  return { ':duePk': due.gsi3pk, ':dueSk': due.gsi3sk };
}

/**
 * An email item with the wording kept beside it (`markSent`), as if it were its own: whoever reads a
 * sent email (delivery again, the export, erasure looking for a name) sees what it said.
 */
export function withWording(email: Item, wording: Item | undefined): Item {
  if (!wording) return email;
  return { ...email, text: wording.text, html: wording.html };
}

function toStoredEmail({
  messageId,
  to,
  subject,
  text,
  html,
  calendar,
  sendAfter,
  notAfter,
  status,
  createdAt,
  attempts,
  sentAt,
  lastError,
  claimExpiresAt,
  sesMessageId,
  outcome,
  areaId,
  applicationId,
  template,
}: Item): StoredEmail {
  // Once its wording is due, an email keeps only what became of it: the removed fields read as empty.
  return {
    messageId,
    to: to ?? '',
    subject: subject ?? '',
    text: text ?? '',
    html: html ?? '',
    status,
    createdAt,
    attempts,
    ...optional({ calendar, sendAfter, notAfter, sentAt, lastError, claimExpiresAt, sesMessageId, areaId, applicationId, template }),
    ...(outcome ? { outcome: { detail: outcome.detail ?? '', at: outcome.at } } : {}),
  };
}

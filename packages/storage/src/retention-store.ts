import { DeleteCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EmailDue, LinkDue, NominationDue, RetainedRecord, RetentionIndex, SavedApplicationDue, UnreachableDue } from '@pip/domain';
import { unlessLostRace } from './conditional';
import type { Item } from './items';
import { keys } from './keys';
import { queryAll } from './query-all';

/** What an email loses when its wording is due: whom it went to and about, what it said (or, never sent, the facts it would have been worded from), and what the email service said of the address. */
const EMAIL_CONTENT = ['to', 'about', 'subject', 'text', 'html', 'calendar', 'lastError', 'template'] as const;

/** The part of a retention index sort key before its `#`: when the item is due. */
const dueAtOf = (item: Item): string => String(item.gsi3sk).slice(0, String(item.gsi3sk).indexOf('#'));

/**
 * The retention index (gsi3): the outbox's emails, emailed links, unreachable addresses, partner
 * nominations and saved applications never sent, each under its rule in the order it falls due. Each action below is conditional on the
 * item still standing where the pass found it on the index, and takes it off (or moves it along), so
 * the pass never reads or acts on one twice.
 */
export class DynamoRetentionStore implements RetentionIndex {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async emailsDue(upTo: string): Promise<EmailDue[]> {
    return (await this.due('email-content', upTo)).map((item) => ({
      messageId: String(item.messageId),
      dueAt: dueAtOf(item),
      status: item.status,
      ...(typeof item.areaId === 'string' ? { areaId: item.areaId } : {}),
      ...(item.wordingApart === true ? { wordingApart: true } : {}),
      ...(item.outcome !== undefined ? { hasOutcome: true } : {}),
    }));
  }

  async redactEmail(email: EmailDue, at: string): Promise<boolean> {
    const names = Object.fromEntries(EMAIL_CONTENT.map((name) => [`#${name}`, name]));
    const stillDue = this.stillAt('email-content', email.dueAt, email.messageId);
    // An email sent again after an address was corrected, or reported on, keeps its place: only its wording goes.
    const redact = (withOutcome: boolean) => {
      const update = {
        TableName: this.tableName,
        Key: keys.email(email.messageId),
        UpdateExpression: `SET redactedAt = :at REMOVE ${Object.keys(names).join(', ')}, gsi3pk, gsi3sk, wordingApart${withOutcome ? ', outcome.detail' : ''}`,
        ConditionExpression: `gsi3sk = :due AND NOT (#status IN (:pending, :sending)) AND ${withOutcome ? 'attribute_exists' : 'attribute_not_exists'}(outcome)`,
        ExpressionAttributeNames: { ...names, '#status': 'status' },
        ExpressionAttributeValues: { ':at': at, ':due': stillDue, ':pending': 'pending', ':sending': 'sending' },
      };
      // Its wording kept beside it goes in the same write: the email leaves this index with it, so nothing would find it again.
      return unlessLostRace(
        email.wordingApart
          ? this.documents.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, { Delete: { TableName: this.tableName, Key: keys.emailWording(email.messageId) } }] }))
          : this.documents.send(new UpdateCommand(update)),
      );
    };
    // One write for what the index showed of it; the other only if a report arrived or went since it was read.
    const outcomeFirst = email.hasOutcome === true;
    return (await redact(outcomeFirst)) || redact(!outcomeFirst);
  }

  postponeEmail(email: EmailDue, dueAt: string): Promise<boolean> {
    return this.move(keys.email(email.messageId), this.stillAt('email-content', email.dueAt, email.messageId), keys.retentionDue('email-content', dueAt, email.messageId).gsi3sk);
  }

  async linksDue(upTo: string): Promise<LinkDue[]> {
    return (await this.due('emailed-links', upTo)).map((item) => ({ tokenHash: String(item.pk).slice('LINK#'.length), dueAt: dueAtOf(item), areaId: String(item.areaId) }));
  }

  removeLink(link: LinkDue): Promise<boolean> {
    return this.remove(keys.link(link.tokenHash), this.stillAt('emailed-links', link.dueAt, link.tokenHash));
  }

  async unreachableDue(upTo: string): Promise<UnreachableDue[]> {
    return (await this.due('unreachable-addresses', upTo)).map((item) => ({ address: String(item.address), dueAt: dueAtOf(item), ref: String(item.gsi3sk) }));
  }

  removeUnreachable(record: UnreachableDue): Promise<boolean> {
    return this.remove(keys.unreachableAddress(record.address), record.ref);
  }

  async nominationsDue(upTo: string): Promise<NominationDue[]> {
    return (await this.due('nominations-not-taken-up', upTo)).map((item) => ({
      partnerId: String(item.partnerId),
      areaId: String(item.areaId),
      candidateEmail: String(item.candidateEmail),
      dueAt: dueAtOf(item),
      ref: String(item.gsi3sk),
    }));
  }

  removeNomination(nomination: NominationDue): Promise<boolean> {
    return this.remove(keys.partnerNomination(nomination.partnerId, nomination.areaId, nomination.candidateEmail), nomination.ref);
  }

  postponeNomination(nomination: NominationDue, dueAt: string): Promise<boolean> {
    const what = nomination.ref.slice(nomination.ref.indexOf('#') + 1);
    return this.move(keys.partnerNomination(nomination.partnerId, nomination.areaId, nomination.candidateEmail), nomination.ref, keys.retentionDue('nominations-not-taken-up', dueAt, what).gsi3sk);
  }

  keepNomination(nomination: NominationDue): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.partnerNomination(nomination.partnerId, nomination.areaId, nomination.candidateEmail),
          UpdateExpression: 'REMOVE gsi3pk, gsi3sk',
          ConditionExpression: 'gsi3sk = :due',
          ExpressionAttributeValues: { ':due': nomination.ref },
        }),
      ),
    );
  }

  async savedApplicationsDue(upTo: string): Promise<SavedApplicationDue[]> {
    return (await this.due('saved-applications', upTo)).map((item) => ({
      areaId: String(item.areaId),
      tokenHash: String(item.sk).slice('SAVED-APPLICATION#'.length),
      dueAt: dueAtOf(item),
      expiresAt: String(item.expiresAt),
    }));
  }

  removeSavedApplication(saved: SavedApplicationDue): Promise<boolean> {
    return this.remove(keys.savedApplication(saved.areaId, saved.tokenHash), this.stillAt('saved-applications', saved.dueAt, `${saved.areaId}#${saved.tokenHash}`));
  }

  postponeSavedApplication(saved: SavedApplicationDue, dueAt: string): Promise<boolean> {
    const what = `${saved.areaId}#${saved.tokenHash}`;
    return this.move(keys.savedApplication(saved.areaId, saved.tokenHash), this.stillAt('saved-applications', saved.dueAt, what), keys.retentionDue('saved-applications', dueAt, what).gsi3sk);
  }

  /** Every item of the rule due by `upTo`, the instant itself included, oldest first. */
  private due(record: RetainedRecord, upTo: string): Promise<Item[]> {
    const index = keys.retentionDueOf(record);
    return queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :record AND gsi3sk <= :upTo',
      // Sort keys are `<dueAt>#<what>`: whatever follows the instant sorts before this.
      ExpressionAttributeValues: { ':record': index.gsi3pk, ':upTo': `${upTo}#\uffff` },
    });
  }

  private stillAt(record: RetainedRecord, dueAt: string, what: string): string {
    return keys.retentionDue(record, dueAt, what).gsi3sk;
  }

  private remove(key: Record<string, string>, due: string): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: key, ConditionExpression: 'gsi3sk = :due', ExpressionAttributeValues: { ':due': due } })),
    );
  }

  private move(key: Record<string, string>, due: string, next: string): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET gsi3sk = :next',
          ConditionExpression: 'gsi3sk = :due',
          ExpressionAttributeValues: { ':due': due, ':next': next },
        }),
      ),
    );
  }
}

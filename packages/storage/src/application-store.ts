import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationEmail, ApplicationStore, ApplicationWrite, AuditEntry, OutboundEmail } from '@pip/domain';
import { isLostRace, moveItem } from './conditional';
import { auditPut } from './audit-store';
import { allowanceUpdate } from './email-allowance-store';
import { linkPut } from './emailed-link-store';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';
import { outboxPut, type OutboxPutOptions } from './outbox-store';
import { queryPrefix } from './query-all';

export class DynamoApplicationStore implements ApplicationStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async findByApplicant(areaId: string, email: string): Promise<Application | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.application(areaId, email));
    return item ? toApplication(item) : undefined;
  }

  /** The index names the item; the item itself is then read consistently, since the index may lag a write. */
  async findByReference(areaId: string, applicationId: string): Promise<Application | undefined> {
    const indexed = await this.indexedByReference(areaId, applicationId);
    if (!indexed) return undefined;
    const item = await getItem(this.documents, this.tableName, { pk: String(indexed.pk), sk: String(indexed.sk) });
    return item ? toApplication(item) : undefined;
  }

  /**
   * One read of the reference index (it holds whole items). Only when the index has none yet (a
   * write a moment old) are the area's applications read consistently, so a page never says "not found" wrongly.
   */
  async findByReferenceToShow(areaId: string, applicationId: string): Promise<Application | undefined> {
    const indexed = await this.indexedByReference(areaId, applicationId);
    if (indexed) return toApplication(indexed);
    return (await this.listForArea(areaId)).find((application) => application.applicationId === applicationId);
  }

  /** The application's copy on the reference index (gsi1), which may lag a write by a moment. */
  private async indexedByReference(areaId: string, applicationId: string): Promise<Item | undefined> {
    const reference = keys.applicationReference(applicationId);
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :reference AND gsi1sk = :kind',
        ExpressionAttributeValues: { ':reference': reference.gsi1pk, ':kind': reference.gsi1sk },
      }),
    );
    return Items?.find((item) => item.areaId === areaId);
  }

  async listForArea(areaId: string): Promise<Application[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.applicationsOfArea(areaId));
    return items.map(toApplication);
  }

  /**
   * One round trip: the application's own condition is the check that the address has not applied
   * (the caller reads only when it fails), and its email is sent from the table's stream once stored.
   */
  create(application: Application, email: ApplicationEmail): Promise<ApplicationWrite> {
    return this.writeWithEmail(application, email, 'attribute_not_exists(pk)', {});
  }

  /**
   * One round trip, as `create`: the change at its version, and its email (new for each version) sent
   * from the table's stream once stored, not from the request.
   */
  update(application: Application, expectedVersion: number, email: ApplicationEmail): Promise<ApplicationWrite> {
    return this.writeWithEmail(application, email, 'version = :expected', { ':expected': expectedVersion });
  }

  /**
   * The application at its new address, its timeline entry and the email sent again are one
   * transaction; the email is sent from the table's stream once stored, not from the request.
   */
  async moveToAddress(application: Application, previousEmail: string, expectedVersion: number, audit: AuditEntry, resent?: OutboundEmail): Promise<'written' | 'lost-race' | 'address-taken'> {
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            ...moveItem(
              this.tableName,
              keys.application(application.areaId, previousEmail),
              expectedVersion,
              { ...keys.application(application.areaId, application.answers.email), ...keys.applicationReference(application.applicationId), type: 'application', ...application },
            ),
            { Put: auditPut(this.tableName, audit) },
            ...(resent ? [{ Put: outboxPut(this.tableName, resent, application.updatedAt) }] : []),
          ],
        }),
      );
      return 'written';
    } catch (error) {
      if (!isLostRace(error)) throw error;
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      return reasons[1]?.Code === 'ConditionalCheckFailed' && reasons[0]?.Code === 'None' ? 'address-taken' : 'lost-race';
    }
  }

  private async writeWithEmail(
    application: Application,
    write: ApplicationEmail,
    condition: string,
    values: Record<string, unknown>,
  ): Promise<ApplicationWrite> {
    const items = applicationWriteItems(this.tableName, application, write, condition, values);
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: items }));
      return 'written';
    } catch (error) {
      if (!isLostRace(error)) throw error;
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      // A window changed since it was read decides first: the caller reads the area again and decides again.
      if (write.acceptedUnder && reasons[WINDOW_CHECK]?.Code === 'ConditionalCheckFailed') return 'window-changed';
      return limitReachedAlone(reasons, items.length - 1, write.allowance !== undefined) ? 'limit-reached' : 'lost-race';
    }
  }
}

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** Where the check of the area's window stands in the transaction, when there is one. */
const WINDOW_CHECK = 1;

/**
 * The items of an application's write, in the order the store sends them: the application (with its
 * own condition), the check of the area's window it was accepted under, its email, the link the email
 * carries, the timeline's entry, and last the count against the address's allowance. Exported so that
 * the bench measures exactly these.
 */
export function applicationWriteItems(
  tableName: string,
  application: Application,
  { email, link, allowance, audit, acceptedUnder }: ApplicationEmail,
  condition: string,
  values: Record<string, unknown>,
  delivery: OutboxPutOptions = {},
): TransactItems {
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.application(application.areaId, application.answers.email),
          ...keys.applicationReference(application.applicationId),
          type: 'application',
          ...application,
        },
        ConditionExpression: condition,
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
      },
    },
    ...(acceptedUnder ? [{ ConditionCheck: windowCheck(tableName, acceptedUnder) }] : []),
    { Put: outboxPut(tableName, email, application.updatedAt, delivery) },
    ...(link ? [{ Put: linkPut(tableName, link.token, link.link, email.to) }] : []),
    // The timeline's entry of the form, before the allowance: the allowance stays last.
    ...(audit ? [{ Put: auditPut(tableName, audit) }] : []),
    ...(allowance ? [{ Update: allowanceUpdate(tableName, allowance) }] : []),
  ];
}

/**
 * The area's window still the one the request decided by: its container keeps the area a short while
 * rather than reading it for every application, and this check (not a read) makes that safe.
 */
function windowCheck(tableName: string, { areaId, recruitment }: NonNullable<ApplicationEmail['acceptedUnder']>): NonNullable<TransactItems[number]['ConditionCheck']> {
  return {
    TableName: tableName,
    Key: keys.area(areaId),
    ConditionExpression: 'recruitment.opensAt = :opensAt AND recruitment.closesAt = :closesAt',
    ExpressionAttributeValues: { ':opensAt': recruitment.opensAt, ':closesAt': recruitment.closesAt },
  };
}

/**
 * Whether the allowance's count was the only thing that refused the transaction. A race lost on the
 * application comes first: read again, and the same answers sent twice may turn out to need no email.
 */
function limitReachedAlone(reasons: readonly { Code?: string }[], allowanceIndex: number, counted: boolean): boolean {
  if (!counted) return false;
  const refused = reasons.flatMap((reason, index) => (reason.Code && reason.Code !== 'None' ? [index] : []));
  return refused.length === 1 && refused[0] === allowanceIndex && reasons[allowanceIndex]?.Code === 'ConditionalCheckFailed';
}

function toApplication({ applicationId, areaId, answers, submittedAt, updatedAt, version, nomination }: Item): Application {
  return { applicationId, areaId, answers, submittedAt, updatedAt, version, ...optional({ nomination }) };
}

import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationEmail, ApplicationStore, ApplicationWrite, OutboundEmail } from '@pip/domain';
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
    const reference = keys.applicationReference(applicationId);
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :reference AND gsi1sk = :kind',
        ExpressionAttributeValues: { ':reference': reference.gsi1pk, ':kind': reference.gsi1sk },
      }),
    );
    const indexed = Items?.find((item) => item.areaId === areaId);
    if (!indexed) return undefined;
    const item = await getItem(this.documents, this.tableName, { pk: String(indexed.pk), sk: String(indexed.sk) });
    return item ? toApplication(item) : undefined;
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
    return this.writeWithEmail(application, email, 'attribute_not_exists(pk)', {}, { deliverOnInsert: true });
  }

  update(application: Application, expectedVersion: number, email: ApplicationEmail): Promise<ApplicationWrite> {
    return this.writeWithEmail(application, email, 'version = :expected', { ':expected': expectedVersion });
  }

  /**
   * The application, its email, the link the email carries and the email's count against the
   * address's daily allowance are one transaction: none is ever stored without the others.
   */
  async moveToAddress(application: Application, previousEmail: string, expectedVersion: number, resent?: OutboundEmail): Promise<'written' | 'lost-race' | 'address-taken'> {
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
    { email, link, allowance, audit }: ApplicationEmail,
    condition: string,
    values: Record<string, unknown>,
    delivery: OutboxPutOptions = {},
  ): Promise<ApplicationWrite> {
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
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
      { Put: outboxPut(this.tableName, email, application.updatedAt, delivery) },
      ...(link ? [{ Put: linkPut(this.tableName, link.token, link.link, email.to) }] : []),
      // The timeline's entry of the form, before the allowance: the allowance stays last.
      ...(audit ? [{ Put: auditPut(this.tableName, audit) }] : []),
      ...(allowance ? [{ Update: allowanceUpdate(this.tableName, allowance) }] : []),
    ];
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: items }));
      return 'written';
    } catch (error) {
      if (!isLostRace(error)) throw error;
      return limitReachedAlone(error, items.length - 1, allowance !== undefined) ? 'limit-reached' : 'lost-race';
    }
  }
}

/**
 * Whether the allowance's count was the only thing that refused the transaction. A race lost on the
 * application comes first: read again, and the same answers sent twice may turn out to need no email.
 */
function limitReachedAlone(error: unknown, allowanceIndex: number, counted: boolean): boolean {
  if (!counted) return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  const refused = reasons.flatMap((reason, index) => (reason.Code && reason.Code !== 'None' ? [index] : []));
  return refused.length === 1 && refused[0] === allowanceIndex && reasons[allowanceIndex]?.Code === 'ConditionalCheckFailed';
}

function toApplication({ applicationId, areaId, answers, submittedAt, updatedAt, version, nomination }: Item): Application {
  return { applicationId, areaId, answers, submittedAt, updatedAt, version, ...optional({ nomination }) };
}

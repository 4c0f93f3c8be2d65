import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationStore, OutboundEmail } from '@pip/domain';
import { unlessLostRace } from './conditional';
import { getItem, optional, type Item } from './items';
import { keys } from './keys';
import { outboxPut } from './outbox-store';
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

  async listForArea(areaId: string): Promise<Application[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.applicationsOfArea(areaId));
    return items.map(toApplication);
  }

  create(application: Application, email: OutboundEmail): Promise<boolean> {
    return this.writeWithEmail(application, email, 'attribute_not_exists(pk)', {});
  }

  update(application: Application, expectedVersion: number, email: OutboundEmail): Promise<boolean> {
    return this.writeWithEmail(application, email, 'version = :expected', { ':expected': expectedVersion });
  }

  /** The application and its email are one transaction: neither is ever stored without the other. */
  private async writeWithEmail(
    application: Application,
    email: OutboundEmail,
    condition: string,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
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
            { Put: outboxPut(this.tableName, email, application.updatedAt) },
          ],
        }),
      ),
    );
  }
}

function toApplication({ applicationId, areaId, answers, submittedAt, updatedAt, version, nomination }: Item): Application {
  return { applicationId, areaId, answers, submittedAt, updatedAt, version, ...optional({ nomination }) };
}

import {
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AreaSelection, AuditEntry } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import { keys } from './keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoSelectionStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(areaId: string): Promise<AreaSelection | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: keys.selection(areaId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, type: _type, ...selection } = Item;
    return selection as AreaSelection;
  }

  /**
   * Writes the next version of the selection with its audit entry, and anything else that must
   * happen with it, in one transaction, only if the stored version is still `expectedVersion`
   * (0: none stored yet). False when someone else changed it first; then nothing is written.
   */
  async write(next: AreaSelection, expectedVersion: number, audit: AuditEntry, alongside: TransactItem[] = []): Promise<boolean> {
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } };
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...keys.selection(next.areaId), type: 'selection', ...next }, ...condition } },
            { Put: auditPut(this.tableName, audit) },
            ...alongside,
          ],
        }),
      ),
    );
  }
}

import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AreaProgress, AreaProgressStore, AuditEntry } from '@pip/domain';
import { auditPut } from './audit-store';
import { unlessLostRace } from './conditional';
import { getItem, getItems, optional, type Item } from './items';
import { keys } from './keys';

export class DynamoAreaProgressStore implements AreaProgressStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(areaId: string): Promise<AreaProgress | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.areaProgress(areaId));
    return item ? toAreaProgress(item) : undefined;
  }

  async getMany(areaIds: readonly string[]): Promise<Map<string, AreaProgress>> {
    const items = await getItems(this.documents, this.tableName, areaIds.map((areaId) => keys.areaProgress(areaId)));
    return new Map(items.map(toAreaProgress).map((progress) => [progress.areaId, progress]));
  }

  async save(progress: AreaProgress): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.areaProgress(progress.areaId), type: 'area-progress', ...progress } }));
  }

  /** Clears the failure recorded at `at`, once: false if it is gone or a newer one replaced it. */
  async clearFailure(areaId: string, at: string, audit: AuditEntry): Promise<boolean> {
    return unlessLostRace(
      this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: keys.areaProgress(areaId),
                UpdateExpression: 'REMOVE failure',
                ConditionExpression: 'failure.#at = :at',
                ExpressionAttributeNames: { '#at': 'at' },
                ExpressionAttributeValues: { ':at': at },
              },
            },
            { Put: auditPut(this.tableName, audit) },
          ],
        }),
      ),
    );
  }
}

function toAreaProgress({ areaId, stage, history, failure }: Item): AreaProgress {
  return { areaId, stage, history, ...optional({ failure }) };
}

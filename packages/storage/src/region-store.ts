import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { regions } from '@pip/domain';
import { unlessLostRace } from './conditional';
import { keys } from './keys';

/** The region records that later carry each region's learning and mentoring event. */
export class DynamoRegionStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Adds the nine regions that are missing; existing records are left as they are. */
  async addAll(): Promise<number> {
    let added = 0;
    for (const [order, region] of regions.entries()) {
      const put = new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.region(region.regionId), ...keys.regionList(order), type: 'region', ...region },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
      if (await unlessLostRace(this.documents.send(put))) added += 1;
    }
    return added;
  }
}

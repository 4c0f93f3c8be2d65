import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StaffProfile, StaffStore } from '@pip/domain';
import type { Item } from './items';
import { keys, lists } from './keys';
import { queryAll } from './query-all';

/** Who the programme staff are, recorded as each signs in, so the console can say who has not reviewed. */
export class DynamoStaffStore implements StaffStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(staff: StaffProfile): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.staffMember(staff.staffId), ...keys.staffList(staff.name), type: 'staff', ...staff },
      }),
    );
  }

  async list(): Promise<StaffProfile[]> {
    const items = await queryAll(this.documents, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :list',
      ExpressionAttributeValues: { ':list': lists.staff },
    });
    return items.map(toStaffProfile);
  }
}

function toStaffProfile({ staffId, name, email }: Item): StaffProfile {
  return { staffId, name, email };
}

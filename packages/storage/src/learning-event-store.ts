import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LearningEvent, LearningEventStore } from '@pip/domain';
import { getItem, type Item } from './items';
import { keys } from './keys';

/** Each region's learning and mentoring event, kept with the region rather than any one area. */
export class DynamoLearningEventStore implements LearningEventStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(regionId: string): Promise<LearningEvent | undefined> {
    const item = await getItem(this.documents, this.tableName, keys.learningEvent(regionId));
    return item ? toLearningEvent(item) : undefined;
  }

  async save(event: LearningEvent): Promise<void> {
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.learningEvent(event.regionId), type: 'learning-event', ...event } }));
  }
}

function toLearningEvent({ regionId, startsAt, endsAt, venue, scheduledBy, sequence }: Item): LearningEvent {
  return { regionId, startsAt, endsAt, venue, scheduledBy, sequence };
}

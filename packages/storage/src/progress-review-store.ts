import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, ProgressReview, ProgressReviewStore } from '@pip/domain';
import { auditPut } from './audit-store';
import { optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

export class DynamoProgressReviewStore implements ProgressReviewStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async list(areaId: string): Promise<ProgressReview[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.progressReviewsOfArea(areaId));
    return items.map(toProgressReview);
  }

  /** One review per occasion; recording it again replaces it. */
  async save(review: ProgressReview, audit: AuditEntry): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.progressReview(review.areaId, review.occasion), type: 'progress-review', ...review } } },
          { Put: auditPut(this.tableName, audit) },
        ],
      }),
    );
  }
}

function toProgressReview({ areaId, occasion, objectives, newConcerns, recordedBy, recordedAt }: Item): ProgressReview {
  return { areaId, occasion, objectives, recordedBy, recordedAt, ...optional({ newConcerns }) };
}

import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, Review } from '@pip/domain';
import { auditPut } from './audit-store';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** One review per reviewer per application: reviewing again replaces your own scores, never another's. */
export class DynamoReviewStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The review and its audit log entry are one transaction: neither stands without the other. */
  async save(review: Review, audit: AuditEntry): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...keys.review(review.areaId, review.applicationId, review.staffId), type: 'review', ...review } } },
          { Put: auditPut(this.tableName, audit) },
        ],
      }),
    );
  }

  async listForArea(areaId: string): Promise<Review[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.reviewsOfArea(areaId));
    return items.map((item) => {
      const { pk: _pk, sk: _sk, type: _type, ...review } = item;
      return review as unknown as Review;
    });
  }
}

import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, Review, ReviewStore } from '@pip/domain';
import { auditPut } from './audit-store';
import { optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** One review per reviewer per application: reviewing again replaces your own scores, never another's. */
export class DynamoReviewStore implements ReviewStore {
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
    return items.map(toReview);
  }

  async listForApplication(areaId: string, applicationId: string): Promise<Review[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.reviewsOfApplication(areaId, applicationId));
    return items.map(toReview);
  }
}

function toReview({ areaId, applicationId, staffId, staffName, reviewedAt, roleFit, partnershipExperience, commitment, note }: Item): Review {
  return { areaId, applicationId, staffId, staffName, reviewedAt, roleFit, partnershipExperience, commitment, ...optional({ note }) };
}

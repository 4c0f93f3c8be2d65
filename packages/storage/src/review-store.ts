import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Review } from '@pip/domain';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** One review per reviewer per application: reviewing again replaces your own scores, never another's. */
export class DynamoReviewStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async save(review: Review): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.review(review.areaId, review.applicationId, review.staffId), type: 'review', ...review },
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

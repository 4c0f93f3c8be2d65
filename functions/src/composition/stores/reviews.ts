export { DynamoReviewStore as Store } from '@pip/storage';

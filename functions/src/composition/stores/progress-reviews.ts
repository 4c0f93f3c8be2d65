export { DynamoProgressReviewStore as Store } from '@pip/storage';

export { DynamoRetentionStore as Store } from '@pip/storage';

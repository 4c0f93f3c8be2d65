export { DynamoOutboxStore as Store } from '@pip/storage';

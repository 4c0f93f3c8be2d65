export { DynamoAreaProgressStore as Store } from '@pip/storage';

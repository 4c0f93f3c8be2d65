export { DynamoAreaStore as Store } from '@pip/storage';

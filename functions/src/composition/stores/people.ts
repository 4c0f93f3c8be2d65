export { DynamoPersonRecordsStore as Store } from '@pip/storage';

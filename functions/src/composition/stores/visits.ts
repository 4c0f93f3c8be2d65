export { DynamoVisitStore as Store } from '@pip/storage';

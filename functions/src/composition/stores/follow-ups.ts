export { DynamoFollowUpStore as Store } from '@pip/storage';

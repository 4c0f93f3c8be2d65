export { DynamoStaffStore as Store } from '@pip/storage';

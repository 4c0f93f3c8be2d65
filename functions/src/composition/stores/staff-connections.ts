export { DynamoStaffConnectionsStore as Store } from '@pip/storage';

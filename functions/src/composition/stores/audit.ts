export { DynamoAuditStore as Store } from '@pip/storage';

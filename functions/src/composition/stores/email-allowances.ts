export { DynamoEmailAllowanceStore as Store } from '@pip/storage';

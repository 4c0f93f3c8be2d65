export { DynamoStaffStepStore as Store } from '@pip/storage';

export { DynamoActionPlanStore as Store } from '@pip/storage';

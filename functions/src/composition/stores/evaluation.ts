export { DynamoEvaluationStore as Store } from '@pip/storage';

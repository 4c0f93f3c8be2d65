export { DynamoLearningEventStore as Store } from '@pip/storage';

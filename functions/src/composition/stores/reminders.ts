export { DynamoReminderStore as Store } from '@pip/storage';

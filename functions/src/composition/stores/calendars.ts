export { DynamoCalendarStore as Store } from '@pip/storage';

export { DynamoAnnouncementStore as Store } from '@pip/storage';

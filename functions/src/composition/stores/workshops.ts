export { DynamoWorkshopStore as Store } from '@pip/storage';

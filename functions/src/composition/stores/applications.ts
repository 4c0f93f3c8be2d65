export { DynamoApplicationStore as Store } from '@pip/storage';

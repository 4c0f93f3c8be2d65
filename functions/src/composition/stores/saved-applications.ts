export { DynamoSavedApplicationStore as Store } from '@pip/storage';

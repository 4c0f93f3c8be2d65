export { DynamoSelectionStore as Store } from '@pip/storage';

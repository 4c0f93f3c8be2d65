export { DynamoEmailedLinkStore as Store } from '@pip/storage';

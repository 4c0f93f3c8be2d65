export { DynamoUnreachableAddressStore as Store } from '@pip/storage';

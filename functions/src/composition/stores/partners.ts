export { DynamoPartnerStore as Store } from '@pip/storage';

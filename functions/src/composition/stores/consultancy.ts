export { DynamoConsultancyStore as Store } from '@pip/storage';

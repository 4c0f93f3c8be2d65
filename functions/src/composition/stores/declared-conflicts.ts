export { DynamoDeclaredConflictStore as Store } from '@pip/storage';

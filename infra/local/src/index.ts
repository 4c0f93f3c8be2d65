export * from './platform';
export * from './dynamodb-local';
export * from './ses-local';
export * from './free-port';
export * from './seed';
export { loadHandler } from './http-server';
export { tableStreamsSettled } from './local-table-stream';
export * from './staff-identity';
export { workflowDefinition } from './workflow-definition';

export * from './compose';
export * from './applicant-emails';
export * from './ses-mailer';
export * from './outbox-delivery';
export * from './selection-emails';
export * from './nomination-emails';
export * from './calendar';
export * from './workflow-emails';

export * from './compose';
export * from './applicant-emails';
export * from './ses-mailer';
export * from './email-health';
export * from './outbox-delivery';

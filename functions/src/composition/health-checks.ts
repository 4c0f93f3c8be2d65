import { emailServiceAnswers } from '@pip/mail/email-health';
import { tableAnswers } from '@pip/storage';
import { sesConfig, type Instrument } from './environment';
import type { PlatformTable } from './platform-table';

/** Whether the table and the email service answer, for the health check. */
export interface HealthChecks {
  table(): Promise<boolean>;
  email(): Promise<boolean>;
}

export function tableCheck(table: PlatformTable): HealthChecks['table'] {
  return () => tableAnswers(table.documents, table.name);
}

/** The email service's account question (SES v2 GetAccount), which only the health check asks. */
export function emailAccountCheck(instrument: Instrument | undefined): HealthChecks['email'] {
  return () => emailServiceAnswers(sesConfig(instrument));
}

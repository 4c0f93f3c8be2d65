import { randomBytes } from 'node:crypto';
import type { Clock } from '@pip/domain';
import { SesMailer, applicantEmails, type OutboxDeliveryPorts } from '@pip/mail';
import {
  DynamoApplicationStore,
  DynamoAreaStore,
  DynamoAuditStore,
  DynamoConsultancyStore,
  DynamoEvaluationStore,
  DynamoLinkStore,
  DynamoOutboxStore,
  DynamoReviewStore,
  DynamoSelectionStore,
  DynamoStaffStore,
  DynamoWorkflowStore,
  createDocumentClient,
} from '@pip/storage';

/**
 * The only module that creates AWS clients. Configuration comes from the environment, which the
 * CDK stack sets in AWS and the local platform sets on this machine; nothing else differs.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

function createPlatform() {
  const tableName = required('TABLE_NAME');
  const region = process.env.AWS_REGION;
  const documents = createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region });
  const emailConfig = { endpoint: process.env.SES_ENDPOINT, region, from: required('MAIL_FROM') };
  // Only the local platform sets an offset, to move time forward in a demo or a test.
  const clock: Clock = { now: () => new Date(Date.now() + Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0)) };
  const outbox = new DynamoOutboxStore(documents, tableName);
  const mailer = new SesMailer(emailConfig);
  return {
    tableName,
    documents,
    emailConfig,
    clock,
    random: (bytes: number) => new Uint8Array(randomBytes(bytes)),
    areas: new DynamoAreaStore(documents, tableName),
    applications: new DynamoApplicationStore(documents, tableName),
    staff: new DynamoStaffStore(documents, tableName),
    reviews: new DynamoReviewStore(documents, tableName),
    selections: new DynamoSelectionStore(documents, tableName),
    audit: new DynamoAuditStore(documents, tableName),
    links: new DynamoLinkStore(documents, tableName),
    workflow: new DynamoWorkflowStore(documents, tableName),
    consultancy: new DynamoConsultancyStore(documents, tableName),
    evaluation: new DynamoEvaluationStore(documents, tableName),
    /** The programme team's shared mailbox, for workflow prompts and alerts. */
    staffAlertsTo: process.env.STAFF_ALERTS_TO ?? required('MAIL_FROM'),
    outbox,
    mailer,
    delivery: { outbox, mailer, clock, log: (message, detail) => console.warn(JSON.stringify({ level: 'WARN', message, ...detail })) } satisfies OutboxDeliveryPorts,
    /** Links in emails point here; in AWS without a custom domain, the request's own host is used. */
    publicBaseUrl: process.env.PUBLIC_BASE_URL,
    applicantEmails,
  };
}

export type Platform = ReturnType<typeof createPlatform>;

let platform: Platform | undefined;

/** Created on first use, once per Lambda container, so cold starts only build what is needed. */
export function getPlatform(): Platform {
  platform ??= createPlatform();
  return platform;
}

import { randomBytes } from 'node:crypto';
import type { AreaWorkflowControl, Clock, EmailDelivery, Ports, RetentionIndex } from '@pip/domain';
import { SesMailer, deliverEmail, type OutboxDeliveryPorts } from '@pip/mail';
import { emailServiceAnswers } from '@pip/mail/email-health';
import {
  DynamoActionPlanStore,
  DynamoApplicationStore,
  DynamoAreaProgressStore,
  DynamoAreaStore,
  DynamoAuditStore,
  DynamoCalendarStore,
  DynamoConsultancyStore,
  DynamoEmailAllowanceStore,
  DynamoEmailedLinkStore,
  DynamoEvaluationStore,
  DynamoFollowUpStore,
  DynamoLearningEventStore,
  DynamoOutboxStore,
  DynamoUnreachableAddressStore,
  DynamoPartnerStore,
  DynamoPersonRecordsStore,
  DynamoProgressReviewStore,
  DynamoReminderStore,
  DynamoRetentionStore,
  DynamoSavedApplicationStore,
  DynamoReviewStore,
  DynamoSelectionStore,
  DynamoStaffStepStore,
  DynamoStaffStore,
  DynamoStaffConnectionsStore,
  DynamoDeclaredConflictStore,
  DynamoVisitStore,
  DynamoWorkshopStore,
  createDocumentClient,
  tableAnswers,
} from '@pip/storage';
import { countingApplications, countingBookings, countingMailer, oldestUnsentEmailAgeIn, powertoolsMetrics, type PlatformMetrics } from './adapters/platform-metrics';
import { RouteTableLinks } from './adapters/platform-links';
import { CognitoSignIn, LocalSignIn, type StaffSignIn } from './adapters/staff-sign-in';
import { StepFunctionsControl } from './adapters/step-functions-control';
import { captureAwsClient } from './adapters/tracing';
import { describeError, log } from './kit/log';
import { platformMetricsOutput } from './kit/metrics';

/**
 * The composition root: the one place in the functions that builds the adapters behind the
 * ports, from the environment, which the CDK stack sets in AWS and the local platform sets on
 * this machine.
 * Every port is built on first use, once per Lambda container, so a function constructs only the
 * clients its use cases touch. Handlers take their ports from here and hand them to use cases.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** An object whose every property is made by its factory on first read, and kept. */
function lazily<T extends object>(factories: { [K in keyof T]: () => T[K] }): T {
  const made: Partial<T> = {};
  const ports = {} as T;
  for (const key of Object.keys(factories) as (keyof T)[]) {
    Object.defineProperty(ports, key, { enumerable: true, get: () => (made[key] ??= factories[key]()) });
  }
  return ports;
}

let localWorkflow: AreaWorkflowControl | undefined;

/** The local platform runs the area workflow in-process and hands its control over here. */
export function useLocalWorkflow(control: AreaWorkflowControl | undefined): void {
  localWorkflow = control;
}

/** Where no workflow runs (the tests that need none), starting, continuing and restarting do nothing. */
const noWorkflow: AreaWorkflowControl = { start: async () => undefined, continue: async () => undefined, restart: async () => undefined };

export interface Platform extends Ports {
  links: RouteTableLinks;
  /** Where staff sign in and out. */
  staffSignIn: StaffSignIn;
  /** Sending what the outbox holds, for the scheduled delivery. */
  outboxDelivery: OutboxDeliveryPorts;
  /** Whether the table and the email service answer, for the health check. */
  health: { table(): Promise<boolean>; email(): Promise<boolean> };
  /** The platform's own CloudWatch figures; the invocation publishes what was recorded when it ends. */
  metrics: PlatformMetrics;
  /** Seconds the oldest due email has waited unsent (0 when none), for the scheduled delivery to report. */
  oldestUnsentEmailAge(): Promise<number>;
  /** The records the retention schedule makes due, for the daily retention pass. */
  retention: RetentionIndex;
}

function createPlatform(): Platform {
  const region = process.env.AWS_REGION;
  const table = lazily({
    name: () => required('TABLE_NAME'),
    // Every AWS client is traced (X-Ray) where it is made; outside Lambda the tracer hands it back as it was.
    documents: () => createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region, instrument: captureAwsClient }),
  });
  const email = () => ({
    endpoint: process.env.SES_ENDPOINT,
    region,
    from: required('MAIL_FROM'),
    configurationSet: process.env.SES_CONFIGURATION_SET,
    instrument: captureAwsClient,
  });
  // Only the local platform sets an offset, to move time forward in a demo or a test.
  const clock: Clock = { now: () => new Date(Date.now() + Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0)) };
  const store = <S>(Store: new (documents: ReturnType<typeof createDocumentClient>, tableName: string) => S) => () => new Store(table.documents, table.name);
  // The use cases queue into the outbox; delivery claims and sends from the same store.
  const outbox = lazily({ store: store(DynamoOutboxStore) });
  const platform: Platform = lazily<Platform>({
    clock: () => clock,
    settings: () => ({
      mailFrom: required('MAIL_FROM'),
      staffAlertsTo: process.env.STAFF_ALERTS_TO ?? required('MAIL_FROM'),
    }),
    links: () => new RouteTableLinks(required('PUBLIC_BASE_URL')),
    staffSignIn: () => {
      const local = process.env.STAFF_SIGN_IN_URL;
      if (local) return new LocalSignIn(local);
      const callback = platform.links.urlOf('/staff/auth/callback');
      return new CognitoSignIn(required('COGNITO_DOMAIN'), required('STAFF_AUDIENCE'), callback, required('STAFF_SIGN_OUT_URL'));
    },
    random: () => (bytes: number) => new Uint8Array(randomBytes(bytes)),
    linkTokens: () => ({ newToken: () => randomBytes(32).toString('base64url') }),
    log: () => log,
    areas: store(DynamoAreaStore),
    progress: store(DynamoAreaProgressStore),
    audit: store(DynamoAuditStore),
    // Business events are counted where they happen: the write that landed, the email the service took.
    applications: () => countingApplications(store(DynamoApplicationStore)(), platform.metrics),
    partners: store(DynamoPartnerStore),
    reviews: store(DynamoReviewStore),
    staff: store(DynamoStaffStore),
    staffConnections: store(DynamoStaffConnectionsStore),
    declaredConflicts: store(DynamoDeclaredConflictStore),
    selections: store(DynamoSelectionStore),
    staffSteps: store(DynamoStaffStepStore),
    workshops: store(DynamoWorkshopStore),
    calendars: store(DynamoCalendarStore),
    visits: store(DynamoVisitStore),
    actionPlans: store(DynamoActionPlanStore),
    progressReviews: store(DynamoProgressReviewStore),
    learningEvents: store(DynamoLearningEventStore),
    consultancy: () => countingBookings(store(DynamoConsultancyStore)(), platform.metrics),
    followUps: store(DynamoFollowUpStore),
    evaluation: store(DynamoEvaluationStore),
    reminders: store(DynamoReminderStore),
    emailedLinks: store(DynamoEmailedLinkStore),
    emailAllowances: store(DynamoEmailAllowanceStore),
    savedApplications: store(DynamoSavedApplicationStore),
    outbox: () => outbox.store,
    emailTracking: () => outbox.store,
    // A person's export and erasure; the team's mailbox is searched too, for alerts that name them.
    people: () => new DynamoPersonRecordsStore(table.documents, table.name, { teamAddresses: () => [platform.settings.staffAlertsTo, platform.settings.mailFrom] }),
    unreachable: store(DynamoUnreachableAddressStore),
    retention: store(DynamoRetentionStore),
    outboxDelivery: () => ({
      outbox: outbox.store,
      unreachable: platform.unreachable,
      // What becomes of each area's email is appended to the area's timeline.
      timeline: platform.audit,
      mailer: countingMailer(new SesMailer(email()), platform.metrics),
      clock,
      log: (message, detail) => log('WARN', message, detail),
    }),
    delivery: (): EmailDelivery => ({
      // If the email service is down the email stays in the outbox and the scheduled delivery sends it later.
      sendNow: async (messageId) => {
        try {
          await deliverEmail(platform.outboxDelivery, messageId);
        } catch (error) {
          log('WARN', 'email left in the outbox for scheduled delivery', { messageId, ...describeError(error) });
        }
      },
    }),
    workflow: () => {
      const arn = process.env.STATE_MACHINE_ARN;
      const aws = arn ? new StepFunctionsControl(arn, region, captureAwsClient) : noWorkflow;
      // Asked at each call: the local platform may hand over its runner after the first use.
      const control = () => localWorkflow ?? aws;
      return {
        start: (areaId) => control().start(areaId),
        continue: (token) => control().continue(token),
        restart: (areaId, attempt) => control().restart(areaId, attempt),
      };
    },
    health: () => ({ table: () => tableAnswers(table.documents, table.name), email: () => emailServiceAnswers(email()) }),
    metrics: () => powertoolsMetrics(platformMetricsOutput),
    oldestUnsentEmailAge: () => () => oldestUnsentEmailAgeIn(outbox.store, clock.now()),
  });
  return platform;
}

let platform: Platform | undefined;

/** The ports of this Lambda container (or this local process), built once, each on first use. */
export function platformPorts(): Platform {
  platform ??= createPlatform();
  return platform;
}

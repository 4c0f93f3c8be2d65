import { randomBytes } from 'node:crypto';
import type { Clock, Outbox, Ports } from '@pip/domain';
import type { DeliveryOutbox } from '@pip/mail';
import { powertoolsMetrics, type PlatformMetrics } from './adapters/platform-metrics';
import { RouteTableLinks } from './adapters/platform-links';
import { CognitoSignIn, LocalSignIn, type StaffSignIn } from './adapters/staff-sign-in';
import { emailSending, type EmailSendingPorts } from './composition/email-sending';
import { lazily, notGranted, required } from './composition/environment';
import { emailAccountCheck, tableCheck, type HealthChecks } from './composition/health-checks';
import { platformTable } from './composition/platform-table';
import { withoutTableStores, type TableStorePorts } from './composition/table-store-ports';
import { tableStores } from './composition/table-stores';
import { workflowControl } from './composition/workflow-control';
import { log } from './kit/log';
import { platformMetricsOutput } from './kit/metrics';

export { useLocalWorkflow } from './composition/workflow-control';

/**
 * Powertools Tracer brings the X-Ray SDK (about 120 KB, 40 ms of a cold start), so it is loaded only
 * where the bundle traces the SDK clients: imported with `import()` so that esbuild drops it with its
 * branch (a static import would keep it, for what the package might do on loading). Lambda's active
 * tracing records each invocation without it.
 */
const tracing = process.env.PIP_BUNDLE_TRACING !== 'false' ? await import('./adapters/tracing') : undefined;

/**
 * The composition root: the one place in the functions that builds the adapters behind the ports,
 * from the environment, which the CDK stack sets in AWS and the local platform sets on this machine.
 * Every port is built on first use, once per Lambda container, so a function constructs only the
 * clients its use cases touch; a store's module is loaded only when one of its methods is first
 * called (`composition/table-stores.ts`), so a route's first request reads the stores it uses and no
 * other. Handlers take their ports from here and hand them to use cases.
 *
 * Each capability (the table's stores, sending email, the area workflow, the health check's
 * questions, tracing the SDK clients) is its own module under `composition/`, and is built here only
 * where `process.env.PIP_BUNDLE_<capability>` is not 'false'. The CDK bundler defines those from the
 * route table's access of the function (`bundleDefine` in infra), so esbuild drops the branches a
 * function may not take, and with them the adapters and SDK clients it would never be allowed to
 * call. Run from source (the local platform, the tests) nothing is defined: every capability is here.
 */
export interface Platform extends Ports, TableStorePorts, EmailSendingPorts {
  outbox: Outbox & DeliveryOutbox;
  links: RouteTableLinks;
  /** Where staff sign in and out. */
  staffSignIn: StaffSignIn;
  /** Whether the table and the email service answer, for the health check. */
  health: HealthChecks;
  /** The platform's own CloudWatch figures; the invocation publishes what was recorded when it ends. */
  metrics: PlatformMetrics;
}

function createPlatform(): Platform {
  const instrument = tracing?.captureAwsClient;
  const table = platformTable(instrument);
  // Only the local platform sets an offset, to move time forward in a demo or a test.
  const clock: Clock = { now: () => new Date(Date.now() + Number(process.env.PIP_LOCAL_CLOCK_OFFSET_MS ?? 0)) };
  const ports = () => platform;
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
    metrics: () => powertoolsMetrics(platformMetricsOutput),
    ...(process.env.PIP_BUNDLE_TABLE_STORES !== 'false' ? tableStores(table, ports) : withoutTableStores(notGranted('The table stores', "the table's read or write"))),
    ...(process.env.PIP_BUNDLE_EMAIL !== 'false'
      ? emailSending(instrument, ports)
      : { outboxDelivery: notGranted('Sending email', 'email') }),
    workflow: process.env.PIP_BUNDLE_WORKFLOW !== 'false' ? () => workflowControl(instrument) : notGranted('The area workflow', 'workflow'),
    health: () => ({
      table: tableCheck(table),
      email: process.env.PIP_BUNDLE_EMAIL_ACCOUNT !== 'false' ? emailAccountCheck(instrument) : notGranted('The email account check', 'emailAccount'),
    }),
  });
  return platform;
}

let platform: Platform | undefined;

/** The ports of this Lambda container (or this local process), built once, each on first use. */
export function platformPorts(): Platform {
  platform ??= createPlatform();
  return platform;
}

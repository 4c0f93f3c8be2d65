import type { Server } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { platformFunctions } from '@pip/functions/routes';
import {
  DynamoApplicationStore,
  DynamoAreaStore,
  DynamoEmailAllowanceStore,
  DynamoOutboxStore,
  DynamoPartnerStore,
  DynamoReviewStore,
  DynamoStaffStore,
  createDocumentClient,
  ensureTable,
  newRecordFilters,
} from '@pip/storage';
import { join } from 'node:path';
import { LOCAL_CLOCK_PATH, localClockHandler } from './local-clock';
import { LOCAL_SIGN_IN_PATH, localSignInHandler } from './local-sign-in';
import { LOCAL_STAFF_AUDIENCE, LocalStaffIdentity, localStaff } from './staff-identity';
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import { freePort } from './free-port';
import { loadHandler, startHttpServer, type LocalRoute } from './http-server';
import { seedDemoApplicants } from './demo-applicants';
import { restorePlatformClock } from './platform-clock';
import { seedDemoProgramme } from './seed';
import { seedDemoPartners } from './seed-partners';
import { startSesLocal, type RunningSes } from './ses-local';
import { workflowDefinition } from './workflow-definition';
import { startLocalWorkflow, type LocalWorkflowHandle } from './workflow-platform';
import { startLocalTableStream } from './local-table-stream';

export interface PlatformOptions {
  /** HTTP port; 0 picks a free one. */
  port?: number;
  /** Where DynamoDB Local keeps its files; omitted means in memory. */
  dataDir?: string;
  tableName?: string;
  /** Reuse services already running (as tests do) instead of starting them. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  dynamoPort?: number;
  sesPort?: number;
  seed?: boolean;
  /** The demo programme's areas (seeded unless false): a run that plays its own areas, as the simulation does, leaves them out. */
  demoAreas?: boolean;
  /** Also seed the closed demo area with scored applicants, so a demo can try selection at once. */
  demoApplicants?: boolean;
  /** Run the scheduled functions on their timers; tests call them directly instead. */
  schedules?: boolean;
  /** Run the area workflow (synthesized from the CDK stack) on this machine. */
  workflow?: boolean;
  /** The workflow's two-second tick (on unless false): off where the driver ticks it after each move of the clock. */
  workflowTimer?: boolean;
  /** The table stream reader's longest wait between polls that find nothing (a quarter second unless given): see local-table-stream.ts. */
  streamIdlePollMs?: number;
}

export interface DemoPartnerLink {
  organisation: string;
  url: string;
}

export interface RunningPlatform {
  url: string;
  inboxUrl: string;
  dynamoEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  /** Issues staff ID tokens the platform accepts, as Cognito does in AWS. */
  staffIdentity: LocalStaffIdentity;
  /** The local area workflow, when the platform runs one. */
  workflow?: LocalWorkflowHandle;
  /** The demo partners' nomination links, seeded with the demo applicants. */
  demoPartnerLinks: DemoPartnerLink[];
  stop(): Promise<void>;
}

/** The local stand-in for the Cognito user pool's issuer; tokens name it and the platform checks it. */
export const LOCAL_STAFF_ISSUER = 'https://pip.localhost/local-staff';

const LOCAL_CREDENTIALS = { AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

/**
 * Powertools on this machine: no metrics (embedded metric format is for CloudWatch, not a terminal),
 * and log lines through the global console, which the tests capture and show only for a failing test.
 * `pnpm start` sets POWERTOOLS_DEV=false first, for one JSON line per event as in CloudWatch. The
 * Tracer needs nothing: it is off wherever AWS_EXECUTION_ENV is unset.
 */
/*
 * Off Lambda the Tracer hands each client back untouched, but loading it loads the X-Ray SDK, which
 * tracks the end of every promise: as a bundle built without tracing (`PIP_BUNDLE_TRACING`).
 */
const LOCAL_POWERTOOLS = { POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_DEV: 'true', PIP_BUNDLE_TRACING: 'false' };

/**
 * The whole platform on this machine: DynamoDB Local, the SES endpoint, the table and demo data,
 * and the HTTP server with the same handlers as AWS. Only endpoints and configuration differ.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  // Local services accept any credentials, but the SDK will not sign a request without some.
  for (const [name, value] of Object.entries(LOCAL_CREDENTIALS)) process.env[name] ??= value;
  for (const [name, value] of Object.entries(LOCAL_POWERTOOLS)) process.env[name] ??= value;
  try {
    // Java starts in its own process while this one loads the SES endpoint, (when the stack's sources
    // changed) synthesizes the workflow and opens the server: each takes seconds, so all at once.
    const services = Promise.allSettled([
      options.dynamoEndpoint ? undefined : (options.dynamoPort === undefined ? freePort() : Promise.resolve(options.dynamoPort)).then((port) => startDynamoDbLocal({ port, dataDir: options.dataDir })),
      options.sesEndpoint ? undefined : startSesLocal({ port: options.sesPort ?? 0 }),
      options.workflow && !options.dynamoEndpoint ? workflowDefinition() : undefined,
    ]);
    // Whatever started is stopped, also when something else failed to.
    stops.push(async () => {
      const [dynamoStart, sesStart] = await services;
      for (const started of [dynamoStart, sesStart]) if (started.status === 'fulfilled') await started.value?.stop();
    });
    const staffIdentity = LocalStaffIdentity.create(
      LOCAL_STAFF_ISSUER,
      options.dataDir ? join(options.dataDir, '..', 'staff-signing-key.pem') : undefined,
    );
    Object.assign(process.env, {
      STAFF_ISSUER: LOCAL_STAFF_ISSUER,
      STAFF_AUDIENCE: LOCAL_STAFF_AUDIENCE,
      STAFF_JWKS: JSON.stringify(staffIdentity.jwks()),
      STAFF_SIGN_IN_URL: LOCAL_SIGN_IN_PATH,
    });
    const signIn = localSignInHandler(staffIdentity) as unknown as LocalRoute['handler'];
    // The clock control exists once the workflow runs, which needs the server's address first.
    let clock: LocalRoute['handler'] | undefined;
    const clockRoute: LocalRoute['handler'] = (event, context) =>
      clock ? clock(event, context) : Promise.resolve({ statusCode: 404, body: 'The local clock runs with the area workflow only' });
    // Listening from the first seconds: until everything below has started it answers 503 "starting", as a load balancer does.
    const { server, port, ready } = await startHttpServer({
      port: options.port ?? 0,
      localRoutes: [
        { method: 'GET', path: LOCAL_SIGN_IN_PATH, handler: signIn },
        { method: 'POST', path: LOCAL_SIGN_IN_PATH, handler: signIn },
        { method: 'GET', path: LOCAL_CLOCK_PATH, handler: clockRoute },
        { method: 'POST', path: LOCAL_CLOCK_PATH, handler: clockRoute },
      ],
    });
    stops.push(() => closeServer(server));
    const url = `http://localhost:${port}`;
    const [dynamoStart, sesStart, synthesis] = await services;
    for (const result of [dynamoStart, sesStart, synthesis]) if (result.status === 'rejected') throw result.reason;
    const dynamo: RunningDynamoDb | undefined = dynamoStart.status === 'fulfilled' ? dynamoStart.value : undefined;
    const ses: RunningSes | undefined = sesStart.status === 'fulfilled' ? sesStart.value : undefined;
    const dynamoEndpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
    const sesEndpoint = options.sesEndpoint ?? ses!.endpoint;
    const tableName = options.tableName ?? 'pip-platform';

    const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: LOCAL_CREDENTIALS.AWS_REGION });
    await ensureTable(client, tableName);
    client.destroy();
    const documents = createDocumentClient({ endpoint: dynamoEndpoint, region: LOCAL_CREDENTIALS.AWS_REGION });
    try {
      await restorePlatformClock(documents, tableName);
      if (options.seed !== false) {
        if (options.demoAreas !== false) await seedDemoProgramme(new DynamoAreaStore(documents, tableName), new Date());
        await Promise.all(localStaff.map((staff) => new DynamoStaffStore(documents, tableName).record(staff)));
      }
    } finally {
      documents.destroy();
    }

    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SES_ENDPOINT: sesEndpoint,
      MAIL_FROM: 'Partnership Improvement Programme <programme@pip.localhost>',
      STAFF_ALERTS_TO: 'programme-team@pip.localhost',
      PUBLIC_BASE_URL: url,
    });

    let demoPartnerLinks: DemoPartnerLink[] = [];
    if (options.demoApplicants) {
      // After the server's address is known (their emails link to it), before workflows propose selections.
      const documents = createDocumentClient({ endpoint: dynamoEndpoint, region: LOCAL_CREDENTIALS.AWS_REGION });
      const [sam, priya] = localStaff;
      await seedDemoApplicants(
        {
          areas: new DynamoAreaStore(documents, tableName),
          applications: new DynamoApplicationStore(documents, tableName),
          reviews: new DynamoReviewStore(documents, tableName),
          outbox: new DynamoOutboxStore(documents, tableName),
          emailAllowances: new DynamoEmailAllowanceStore(documents, tableName),
        },
        [sam!, priya!],
        url,
      );
      demoPartnerLinks = await seedDemoPartners({ areas: new DynamoAreaStore(documents, tableName), partners: new DynamoPartnerStore(documents, tableName) }, sam!, url);
      documents.destroy();
    }

    // Scheduled functions that run once a day or less often: moving the clock on the clock page runs them, as days passing would.
    const onClockMoved: (() => void)[] = [];
    let workflow: LocalWorkflowHandle | undefined;
    if (options.workflow) {
      const running = await startLocalWorkflow(dynamoEndpoint, tableName, LOCAL_CREDENTIALS.AWS_REGION, { timer: options.workflowTimer !== false });
      workflow = running;
      stops.push(running.stop);
      const advanceClock = async (milliseconds: number) => {
        await running.advanceClock(milliseconds);
        for (const run of onClockMoved) run();
      };
      clock = localClockHandler({ ...running, advanceClock }) as unknown as LocalRoute['handler'];
    }

    // The table's stream, read as Lambda's event source mapping reads it in AWS, into the same handler.
    for (const fn of platformFunctions) {
      if (!('tableStream' in fn)) continue;
      const stream = await startLocalTableStream({
        endpoint: dynamoEndpoint,
        region: LOCAL_CREDENTIALS.AWS_REGION,
        tableName,
        filters: Object.values(newRecordFilters),
        ...(options.streamIdlePollMs ? { longestIdlePollMs: options.streamIdlePollMs } : {}),
        invoke: async (event) => (await loadHandler<(event: unknown) => Promise<{ batchItemFailures?: { itemIdentifier: string }[] }>>(fn.name))(event),
      });
      stops.push(stream.stop);
    }

    if (options.schedules) {
      for (const fn of platformFunctions) {
        if (!('everyMinutes' in fn)) continue;
        const run = () =>
          void loadHandler<() => Promise<unknown>>(fn.name)
            .then((handler) => handler())
            .catch((error: unknown) => console.error(`${fn.name} failed`, error));
        // Once now, so that a fresh start does not wait a whole interval (areas start their workflows at once).
        run();
        const timer = setInterval(run, fn.everyMinutes * 60_000);
        stops.push(async () => clearInterval(timer));
        if (fn.everyMinutes >= 24 * 60) onClockMoved.push(run);
      }
    }

    ready();
    return { url, inboxUrl: sesEndpoint, dynamoEndpoint, sesEndpoint, tableName, staffIdentity, demoPartnerLinks, ...(workflow ? { workflow } : {}), stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

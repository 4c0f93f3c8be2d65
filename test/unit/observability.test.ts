import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SESClient } from '@aws-sdk/client-ses';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationWrite, BookingOutcome, ConsultancyStore, SessionBooking } from '@pip/domain';
import {
  countingApplications,
  countingBookings,
  countingMailer,
  countingWorkflowSteps,
  oldestUnsentEmailAgeIn,
  type PlatformMetrics,
} from '@pip/functions/adapters/platform-metrics';
import type { HttpEvent } from '@pip/functions/kit/event';
import type { httpRouter } from '@pip/functions/kit/http-handler';
import { METRICS_NAMESPACE, SERVICE_NAME, platformMetrics } from '@pip/functions/kit/metric-names';
import { runStep } from '@pip/functions/use-cases/area-workflow/run-workflow-step';
import { memoryPorts } from '../support/memory-ports';

/*
 * Powertools in the functions: the logger, the metrics and the tracer are each made on first use and
 * read the environment then, so each test stubs the environment and loads the kit afresh.
 */

/** The kit as a new Lambda container loads it: a new logger, metrics and tracer. */
async function freshKit() {
  vi.resetModules();
  const [http, log, metrics, adapter, tracing] = await Promise.all([
    import('@pip/functions/kit/http-handler'),
    import('@pip/functions/kit/log'),
    import('@pip/functions/kit/metrics'),
    import('@pip/functions/adapters/platform-metrics'),
    import('@pip/functions/adapters/tracing'),
  ]);
  return { ...http, ...log, ...metrics, ...adapter, ...tracing };
}

/** What the process writes to stdout and stderr (where Powertools writes in Lambda), line by line, instead of writing it. */
function captureOutput() {
  const lines: string[] = [];
  const keep = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter((line) => line.trim() !== ''));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(keep as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(keep as typeof process.stderr.write);
  return { lines, json: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

type LambdaContext = Parameters<ReturnType<typeof httpRouter>>[1];

/** As in Lambda (a container started on demand), with none of the local platform's switches. */
function asInLambda(env: Record<string, string> = {}) {
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  vi.stubEnv('POWERTOOLS_DEV', 'false');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('LOG_LEVEL', '');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', '');
  vi.stubEnv('AWS_LAMBDA_LOG_LEVEL', '');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

function requestEvent(requestId: string): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'GET /probe',
    rawPath: '/probe',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'pip.example',
      domainPrefix: 'pip',
      http: { method: 'GET', path: '/probe', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId,
      routeKey: 'GET /probe',
      stage: '$default',
      time: '26/Nov/2026:10:00:00 +0000',
      timeEpoch: 0,
    },
  };
}

function lambdaContext(awsRequestId: string): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'applicant-pages',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:applicant-pages',
    memoryLimitInMB: '512',
    awsRequestId,
    logGroupName: '/aws/lambda/applicant-pages',
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the functions log (Powertools Logger)', () => {
  async function probeRouter(kit: Awaited<ReturnType<typeof freshKit>>) {
    return kit.httpRouter({
      kind: 'json',
      routes: [
        {
          method: 'GET',
          path: '/probe',
          public: true,
          handler: () => {
            kit.log('INFO', 'probe answered', { areaId: 'leeds' });
            return { statusCode: 200, body: '{}' };
          },
        },
      ],
    });
  }

  it('writes one JSON line per event, with the service, the Lambda context, the cold start and the request id as correlation id', async () => {
    asInLambda();
    const kit = await freshKit();
    const handler = await probeRouter(kit);
    const output = captureOutput();
    await handler(requestEvent('api-request-1'), lambdaContext('lambda-request-1'));
    await handler(requestEvent('api-request-2'), lambdaContext('lambda-request-2'));
    kit.log('WARN', 'between requests');
    const [first, second, between] = output.json();
    expect(output.lines).toHaveLength(3);
    expect(first).toMatchObject({
      level: 'INFO',
      message: 'probe answered',
      service: SERVICE_NAME,
      areaId: 'leeds',
      correlation_id: 'api-request-1',
      cold_start: true,
      function_name: 'applicant-pages',
      function_request_id: 'lambda-request-1',
    });
    expect(second).toMatchObject({ correlation_id: 'api-request-2', cold_start: false, function_request_id: 'lambda-request-2' });
    // The request's own keys end with it.
    expect(between).toMatchObject({ level: 'WARN', message: 'between requests' });
    expect(between).not.toHaveProperty('correlation_id');
  });

  it('is quietened by LOG_LEVEL, in any case', async () => {
    asInLambda({ LOG_LEVEL: 'warn' });
    const kit = await freshKit();
    const output = captureOutput();
    kit.log('INFO', 'not written');
    kit.log('WARN', 'written');
    kit.log('ERROR', 'written too', kit.describeError(new TypeError('broken')));
    expect(output.json().map(({ level, message }) => `${String(level)} ${String(message)}`)).toEqual(['WARN written', 'ERROR written too']);
    expect(output.json()[1]).toMatchObject({ error: 'TypeError', reason: 'broken' });
  });

  it('writes through the global console in Powertools dev mode, as the local platform sets it, so that the tests capture it', async () => {
    asInLambda({ POWERTOOLS_DEV: 'true' });
    const kit = await freshKit();
    const output = captureOutput();
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    kit.log('INFO', 'to the console', { areaId: 'leeds' });
    expect(output.lines).toEqual([]);
    expect(info).toHaveBeenCalledOnce();
    expect(JSON.parse(String(info.mock.calls[0]![0]))).toMatchObject({ message: 'to the console', areaId: 'leeds', service: SERVICE_NAME });
  });
});

describe('the platform metrics (Powertools Metrics, embedded metric format)', () => {
  it('writes every figure by its name, in the namespace, with the one dimension service, when the invocation ends', async () => {
    asInLambda();
    const kit = await freshKit();
    const metrics = kit.powertoolsMetrics(kit.platformMetricsOutput);
    const output = captureOutput();
    metrics.applicationReceived();
    metrics.applicationReceived();
    metrics.emailSent();
    metrics.emailFailed();
    metrics.bookingMade();
    metrics.workflowStep();
    metrics.staffAlertNotSent();
    metrics.oldestUnsentEmailAge(42);
    expect(output.lines).toEqual([]);
    kit.publishMetrics();

    expect(output.lines).toHaveLength(1);
    const [emf] = output.json() as [{ _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } } & Record<string, unknown>];
    const [directive] = emf._aws.CloudWatchMetrics;
    expect(directive?.Namespace).toBe(METRICS_NAMESPACE);
    expect(directive?.Dimensions).toEqual([['service']]);
    expect(emf.service).toBe(SERVICE_NAME);
    expect(Object.fromEntries(directive!.Metrics.map(({ Name, Unit }) => [Name, Unit]))).toEqual({
      [platformMetrics.applicationsReceived]: 'Count',
      [platformMetrics.emailsSent]: 'Count',
      [platformMetrics.emailsFailed]: 'Count',
      [platformMetrics.bookingsMade]: 'Count',
      [platformMetrics.workflowSteps]: 'Count',
      [platformMetrics.staffAlertNotSent]: 'Count',
      [platformMetrics.oldestUnsentEmailAge]: 'Seconds',
    });
    expect(emf[platformMetrics.applicationsReceived]).toEqual([1, 1]);
    expect(emf[platformMetrics.emailsSent]).toBe(1);
    expect(emf[platformMetrics.oldestUnsentEmailAge]).toBe(42);

    // Published once: the next invocation starts empty.
    kit.publishMetrics();
    expect(output.lines).toHaveLength(1);
  });

  it('writes nothing, not even a warning, for an invocation that recorded nothing', async () => {
    asInLambda();
    const kit = await freshKit();
    kit.platformMetricsOutput();
    const output = captureOutput();
    const warn = vi.spyOn(console, 'warn');
    kit.publishMetrics();
    expect(output.lines).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('publishes what an HTTP request recorded when it is answered, and what it recorded before it failed', async () => {
    asInLambda();
    const kit = await freshKit();
    const metrics = kit.powertoolsMetrics(kit.platformMetricsOutput);
    const handler = kit.httpRouter({
      kind: 'json',
      routes: [
        {
          method: 'GET',
          path: '/probe',
          public: true,
          handler: (event) => {
            metrics.applicationReceived();
            if (event.requestContext.requestId === 'failing') throw new Error('the table is down');
            return { statusCode: 201, body: '{}' };
          },
        },
      ],
    });
    const output = captureOutput();
    expect((await handler(requestEvent('answered'), lambdaContext('one'))).statusCode).toBe(201);
    expect((await handler(requestEvent('failing'), lambdaContext('two'))).statusCode).toBe(500);
    const lines = output.json();
    const emf = lines.filter((line) => '_aws' in line);
    expect(emf.map((line) => line[platformMetrics.applicationsReceived])).toEqual([1, 1]);
    // The failure is logged with its request id, as the error page quotes it.
    expect(lines.find((line) => line.message === 'request failed')).toMatchObject({ level: 'ERROR', correlation_id: 'failing', reason: 'the table is down' });
  });

  it('writes nothing on this machine, where the local platform sets POWERTOOLS_METRICS_DISABLED', async () => {
    asInLambda({ POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_DEV: 'true' });
    const kit = await freshKit();
    const metrics = kit.powertoolsMetrics(kit.platformMetricsOutput);
    const output = captureOutput();
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    metrics.emailSent();
    kit.publishMetrics();
    kit.publishMetrics();
    expect(output.lines).toEqual([]);
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('where the business events are counted', () => {
  function recorder() {
    const counted: string[] = [];
    const count = (name: string) => () => void counted.push(name);
    const metrics: PlatformMetrics = {
      applicationReceived: count('application'),
      emailSent: count('sent'),
      emailFailed: count('failed'),
      bookingMade: count('booking'),
      workflowStep: count('step'),
      staffAlertNotSent: count('alert not sent'),
      oldestUnsentEmailAge: (seconds) => void counted.push(`oldest ${seconds}`),
    };
    return { metrics, counted };
  }

  it('counts an application once its write landed, not a lost race, and leaves the store as it was', async () => {
    class Store {
      private readonly reads = ['first'];
      constructor(private readonly write: ApplicationWrite) {}
      async create(): Promise<ApplicationWrite> {
        return this.write;
      }
      async findByApplicant(): Promise<string | undefined> {
        return this.reads[0];
      }
    }
    const { metrics, counted } = recorder();
    const written = countingApplications(new Store('written'), metrics);
    const lost = countingApplications(new Store('lost-race'), metrics);
    const limit = countingApplications(new Store('limit-reached'), metrics);
    expect(await written.create()).toBe('written');
    expect(await lost.create()).toBe('lost-race');
    expect(await limit.create()).toBe('limit-reached');
    expect(await written.findByApplicant()).toBe('first');
    expect(counted).toEqual(['application']);
  });

  it('counts a session newly booked, not a booking moved to another time, nor a refused one', async () => {
    const { metrics, counted } = recorder();
    const booking = (status: SessionBooking['status']): SessionBooking =>
      ({ areaId: 'leeds', session: 1, slotId: 'slot', bookedBy: 'Lead', bookedAt: '2027-03-01T10:00:00.000Z', sequence: 0, status }) as SessionBooking;
    let outcome: BookingOutcome = 'booked';
    const store = countingBookings<Pick<ConsultancyStore, 'book'>>({ book: async () => outcome }, metrics);
    await store.book(booking('booked'), undefined);
    await store.book(booking('booked'), booking('cancelled'));
    await store.book(booking('booked'), booking('booked'));
    outcome = 'slot-taken';
    await store.book(booking('booked'), undefined);
    expect(counted).toEqual(['booking', 'booking']);
  });

  it('counts each email the email service took as sent, and each it refused as failed, still refusing', async () => {
    const { metrics, counted } = recorder();
    let refuse = false;
    const mailer = countingMailer({ send: async () => (refuse ? Promise.reject(new Error('Throttling')) : 'ses-id') }, metrics);
    const email = { messageId: 'm', to: 'a@example.org', subject: 's', text: 't', html: 'h' };
    expect(await mailer.send(email)).toBe('ses-id');
    refuse = true;
    await expect(mailer.send(email)).rejects.toThrow('Throttling');
    expect(counted).toEqual(['sent', 'failed']);
  });

  it('counts each workflow step done, and a failure alert that could not be queued, still failing the step', async () => {
    const ports = memoryPorts({ now: '2027-04-01T10:00:00.000Z' });
    await ports.progress.save({ areaId: 'leeds', stage: 'preparation', history: [] });
    const state = { areaId: 'leeds', failure: { Error: 'Error', Cause: 'The workshops of leeds are not scheduled' } };
    const { metrics, counted } = recorder();
    const runCountedStep = countingWorkflowSteps((request: Parameters<typeof runStep>[1]) => runStep(ports, request), metrics);

    await runCountedStep({ step: 'record-failure', state });
    expect(ports.outbox.queued()).toHaveLength(1);
    expect(counted).toEqual(['step']);

    ports.outbox.enqueue = () => Promise.reject(new Error('the table is down'));
    await expect(runCountedStep({ step: 'record-failure', state: { ...state, areaId: 'gone' } })).rejects.toThrow('the table is down');
    expect(counted).toEqual(['step', 'alert not sent']);

    // Any other step that fails is the workflow's to retry: nothing counted.
    await expect(runCountedStep({ step: 'await-staff', state })).rejects.toThrow();
    expect(counted).toEqual(['step', 'alert not sent']);
  });

  it('measures how long the oldest due email has waited, in whole seconds, 0 when none waits', async () => {
    const now = new Date('2027-04-01T10:00:00.000Z');
    expect(await oldestUnsentEmailAgeIn({ oldestDueAt: async () => undefined }, now)).toBe(0);
    expect(await oldestUnsentEmailAgeIn({ oldestDueAt: async () => '2027-04-01T09:49:59.400Z' }, now)).toBe(600);
  });
});

describe('tracing the AWS clients (Powertools Tracer)', () => {
  const added = (client: SESClient, before: string[]) => client.middlewareStack.identify().filter((name) => !before.includes(name));

  it('leaves a client as it was outside Lambda', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', '');
    const kit = await freshKit();
    const client = new SESClient({ region: 'eu-west-2' });
    const before = client.middlewareStack.identify();
    expect(kit.captureAwsClient(client)).toBe(client);
    expect(added(client, before)).toEqual([]);
  });

  it('records each call of a client as an X-Ray subsegment in Lambda', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs22.x');
    // Not the global HTTP patch a real invocation gets: this process has no trace to add to.
    vi.stubEnv('POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS', 'false');
    const kit = await freshKit();
    const client = new SESClient({ region: 'eu-west-2' });
    const before = client.middlewareStack.identify();
    kit.captureAwsClient(client);
    expect(added(client, before).some((name) => name.startsWith('XRaySDKInstrumentation'))).toBe(true);
  });
});

describe('Powertools stays in the functions', () => {
  it('is imported by nothing under packages/', () => {
    const root = join(import.meta.dirname, '../../packages');
    const importing = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.includes('node_modules'))
      .filter((file) => readFileSync(join(root, file), 'utf8').includes('@aws-lambda-powertools/'));
    expect(importing).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHandler, localStaff, startDynamoDbLocal, startPlatform, startSesLocal, freePort, type RunningPlatform } from '@pip/local';
import type { StaffProfile } from '@pip/domain';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoOutboxStore, createDocumentClient } from '@pip/storage';
import type { Profile } from './profile';
import { startSesFaultProxy, type SesFaultProxy } from './ses-fault-proxy';

const DAY = 86_400_000;
const RETENTION_EVERY_MS = 30 * DAY;
const OFFSET_VARIABLE = 'PIP_LOCAL_CLOCK_OFFSET_MS';

export interface SimPlatformOptions {
  /** Reuse running emulators (as the test does); otherwise DynamoDB Local and the SES endpoint are started here. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
}

/**
 * The local platform as the simulation drives it: real DynamoDB Local, the SES endpoint behind a fault
 * proxy, the synthesized area workflow; restartable on the same table; its clock moved only forward.
 */
export class SimPlatform {
  private constructor(
    private running: RunningPlatform,
    readonly proxy: SesFaultProxy,
    /** The SES endpoint itself, for reading what it received (never through the proxy). */
    readonly sesStore: string,
    readonly tableName: string,
    readonly dynamoEndpoint: string,
    /** Platform time when the run began: day 0 of the plan. */
    readonly startedAt: number,
    private readonly stops: (() => Promise<void>)[],
  ) {
    this.documents = createDocumentClient({ endpoint: dynamoEndpoint, region: 'eu-west-2' });
    this.outbox = new DynamoOutboxStore(this.documents, tableName);
  }

  restarts = 0;
  private startWorkflowsDue = false;
  private retentionRanAt = Number.NEGATIVE_INFINITY;
  /** Read by the simulation only to know whether delivery has anything to do (the pages never show the outbox). */
  private readonly documents: DynamoDBDocumentClient;
  private readonly outbox: DynamoOutboxStore;
  /** Timed functions measured wherever they run (inside actions too). */
  profile: Profile | undefined;
  private restarting: Promise<void> | undefined;

  static async start(options: SimPlatformOptions = {}): Promise<SimPlatform> {
    // Local services accept any credentials, but the SDK signs nothing without some.
    for (const [name, value] of Object.entries({ AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' })) process.env[name] ??= value;
    // The functions' info lines, and the warnings every injected email fault causes, would drown the summary; errors still show.
    process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
    const stops: (() => Promise<void>)[] = [];
    let dynamoEndpoint = options.dynamoEndpoint;
    if (!dynamoEndpoint) {
      const dynamo = await startDynamoDbLocal({ port: await freePort() });
      stops.push(dynamo.stop);
      dynamoEndpoint = dynamo.endpoint;
    }
    let sesEndpoint = options.sesEndpoint;
    if (!sesEndpoint) {
      const ses = await startSesLocal({ port: 0 });
      stops.push(ses.stop);
      sesEndpoint = ses.endpoint;
    }
    const proxy = await startSesFaultProxy(sesEndpoint);
    stops.push(proxy.stop);
    const tableName = `pip-sim-${randomUUID().slice(0, 8)}`;
    // A fresh table starts at the machine's time: an offset left by an earlier run in this process would be restored otherwise.
    delete process.env[OFFSET_VARIABLE];
    const running = await SimPlatform.platformOn(dynamoEndpoint, proxy.endpoint, tableName);
    return new SimPlatform(running, proxy, sesEndpoint, tableName, dynamoEndpoint, Date.now(), stops);
  }

  /**
   * With DynamoDB Local already running, `dataDir` only says where the staff signing key is kept: the
   * same key across restarts, as Cognito's is (the handlers keep the key set they first read).
   */
  private static readonly keyDir = join(mkdtempSync(join(tmpdir(), 'pip-sim-')), 'data');

  private static platformOn(dynamoEndpoint: string, sesEndpoint: string, tableName: string): Promise<RunningPlatform> {
    return startPlatform({ dynamoEndpoint, sesEndpoint, tableName, port: 0, workflow: true, schedules: false, dataDir: SimPlatform.keyDir });
  }

  get url(): string {
    return this.running.url.replace('localhost', '127.0.0.1');
  }

  now(): number {
    return Date.now() + Number(process.env[OFFSET_VARIABLE] ?? 0);
  }

  offset(): number {
    return Number(process.env[OFFSET_VARIABLE] ?? 0);
  }

  dayStart(day: number): number {
    return this.startedAt + day * DAY;
  }

  /** A staff member's browser cookies, signed by the platform as it runs now (a restart brings a new key, so sign in again). */
  staffCookie(staff: StaffProfile = localStaff[0]!, csrf: string): string {
    return `pip_staff=${this.running.staffIdentity.issueIdToken(staff)}; pip_csrf=${csrf}`;
  }

  bearer(staff: StaffProfile = localStaff[0]!): string {
    return `Bearer ${this.running.staffIdentity.issueIdToken(staff)}`;
  }

  /** Waits while the platform is being restarted (requests in the meantime would meet a closed port). */
  async ready(): Promise<void> {
    await this.restarting;
  }

  /** Moves the platform clock forward to `at` (never back), then lets the workflow finish what that ended. */
  async advanceTo(at: number, areaIds: readonly string[]): Promise<void> {
    await this.ready();
    const by = at - this.now();
    if (by > 0) await this.running.workflow!.advanceClock(by);
    await this.idle(areaIds);
  }

  async idle(areaIds: readonly string[]): Promise<void> {
    await this.ready();
    await Promise.all(areaIds.map((areaId) => this.running.workflow!.idle(areaId)));
  }

  /**
   * The timed functions after the clock moved, each only when it has something to do, as their
   * schedules would find it: starting workflows after an area was added or the platform restarted
   * (an approval may have stopped part-way), delivery when the outbox holds an email due by now, and
   * the daily retention pass once a month of platform time (no retention period is shorter).
   */
  async runDueTimed(): Promise<void> {
    if (this.startWorkflowsDue) {
      this.startWorkflowsDue = false;
      await this.runTimed('start-area-workflows');
    }
    if ((await this.outbox.pendingIds(new Date(this.now()))).length > 0) await this.runTimed('deliver-emails');
    if (this.now() - this.retentionRanAt >= RETENTION_EVERY_MS) {
      this.retentionRanAt = this.now();
      await this.runTimed('apply-retention');
    }
  }

  /** A timed function, as its schedule would run it. */
  async runTimed(name: 'deliver-emails' | 'start-area-workflows' | 'apply-retention'): Promise<void> {
    await this.ready();
    const handler = await loadHandler<() => Promise<unknown>>(name);
    await (this.profile ? this.profile.time(`  (within) ${name}`, handler) : handler());
  }

  /**
   * Stops the HTTP server and the workflow runner with no warning to anyone mid-request, then starts
   * the platform again on the same table. In-process: a handler already running finishes its work
   * (a real SIGKILL would cut it short), but its answer never reaches the browser.
   */
  async restart(): Promise<void> {
    if (this.restarting) return this.restarting;
    this.restarting = (async () => {
      const old = this.running;
      await old.stop();
      this.running = await SimPlatform.platformOn(this.dynamoEndpoint, this.proxy.endpoint, this.tableName);
      this.restarts += 1;
      this.startWorkflowsDue = true;
    })();
    try {
      await this.restarting;
    } finally {
      this.restarting = undefined;
    }
  }

  async stop(): Promise<void> {
    this.documents.destroy();
    await this.running.stop();
    for (const stop of this.stops.reverse()) await stop().catch(() => undefined);
    delete process.env[OFFSET_VARIABLE];
  }
}

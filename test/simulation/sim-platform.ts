import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_STAFF_ISSUER, LocalStaffIdentity, localStaff, startDynamoDbLocal, startSesLocal, freePort } from '@pip/local';
import type { StaffProfile } from '@pip/domain';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoOutboxStore, createDocumentClient, ensureTable } from '@pip/storage';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PlatformKilled, PlatformProcess, type PlatformAsk } from '../../infra/local/src/platform-process';
import { watchTableStream } from '../../infra/local/src/local-table-stream';
import type { Profile } from './profile';
import { startSesFaultProxy, type SesFaultProxy } from './ses-fault-proxy';
import { startDynamoCallCounter } from './dynamo-call-counter';

const DAY = 86_400_000;
const RETENTION_EVERY_MS = 30 * DAY;

export interface SimPlatformOptions {
  /** Reuse running emulators (as the test does); otherwise DynamoDB Local and the SES endpoint are started here. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  /** How long the fault proxy holds each email while email is slow (its default otherwise). */
  slowEmailMs?: number;
}

/**
 * The local platform as the simulation drives it: real DynamoDB Local, the SES endpoint behind a fault
 * proxy, the synthesized area workflow, all in a process of its own (platform-process.ts) that a
 * restart kills with SIGKILL before starting another on the same table; its clock moved only forward.
 */
export class SimPlatform {
  private constructor(
    private running: PlatformProcess,
    private address: string,
    private offsetMs: number,
    readonly proxy: SesFaultProxy,
    /** The SES endpoint itself, for reading what it received (never through the proxy). */
    readonly sesStore: string,
    readonly tableName: string,
    readonly dynamoEndpoint: string,
    /** The endpoint the platform processes are given: DynamoDB Local's, or the call counter's in front of it. */
    private readonly platformDynamoEndpoint: string,
    private readonly staffIdentity: LocalStaffIdentity,
    private readonly keyDir: string,
    private readonly stops: (() => Promise<void>)[],
  ) {
    this.documents = createDocumentClient({ endpoint: dynamoEndpoint, region: 'eu-west-2' });
    this.outbox = new DynamoOutboxStore(this.documents, tableName);
    this.startedAt = this.now();
    this.offsets.push({ from: 0, offset: offsetMs });
    // Nothing of a run's own is past a retention date in its first month.
    this.retentionRanAt = this.startedAt;
    // The mailbox waits for "every table stream settled": the one read in the platform's process.
    this.unwatch = watchTableStream({ settled: () => this.ask({ op: 'settled' }), stop: async () => undefined });
  }

  /** Platform time when the run began: day 0 of the plan. */
  readonly startedAt: number;
  restarts = 0;
  /** When each kill happened, by the machine's clock: a copy of an email sent again because of one is told apart. */
  readonly killedAt: number[] = [];
  private startWorkflowsDue = false;
  private retentionRanAt: number;
  /** Read by the simulation only to know whether delivery has anything to do (the pages never show the outbox). */
  private readonly documents: DynamoDBDocumentClient;
  private readonly outbox: DynamoOutboxStore;
  private readonly unwatch: () => void;
  /** Timed functions measured wherever they run (inside actions too). */
  profile: Profile | undefined;
  private restarting: Promise<void> | undefined;
  /** Loaded in advance, to take over at once from a killed platform. */
  private spare: PlatformProcess | undefined;

  static async start(options: SimPlatformOptions = {}): Promise<SimPlatform> {
    // Local services accept any credentials, but the SDK signs nothing without some.
    for (const [name, value] of Object.entries({ AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' })) process.env[name] ??= value;
    // The functions' info lines, and the warnings every injected email fault causes, would drown the summary; errors still show.
    process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
    const stops: (() => Promise<void>)[] = [];
    let dynamoEndpoint = options.dynamoEndpoint;
    const tableName = `pip-sim-${randomUUID().slice(0, 8)}`;
    // With DynamoDB Local already running, the platform's code loads while the table is made.
    const dataDir = join(mkdtempSync(join(tmpdir(), 'pip-sim-')), 'data');
    const keyDir = dataDir;
    const staffIdentity = LocalStaffIdentity.create(LOCAL_STAFF_ISSUER, join(keyDir, '..', 'staff-signing-key.pem'));
    let sesEndpoint = options.sesEndpoint;
    if (!sesEndpoint) {
      const ses = await startSesLocal({ port: 0 });
      stops.push(ses.stop);
      sesEndpoint = ses.endpoint;
    }
    const proxy = await startSesFaultProxy(sesEndpoint, options.slowEmailMs ? { slowMs: options.slowEmailMs } : {});
    stops.push(proxy.stop);
    if (!dynamoEndpoint) {
      const dynamo = await startDynamoDbLocal({ port: await freePort() });
      stops.push(dynamo.stop);
      dynamoEndpoint = dynamo.endpoint;
    }
    // PIP_COUNT_DYNAMO_CALLS=1: the platform's calls go through a proxy that counts them, printed when the run stops.
    let platformDynamoEndpoint = dynamoEndpoint;
    if (process.env.PIP_COUNT_DYNAMO_CALLS) {
      const counter = await startDynamoCallCounter(dynamoEndpoint);
      platformDynamoEndpoint = counter.endpoint;
      stops.push(async () => {
        process.stderr.write(`DynamoDB calls of the platform processes: ${counter.total()}\n${counter.lines().join('\n')}\n`);
        await counter.stop();
      });
    }
    const processOptions = { dynamoEndpoint: platformDynamoEndpoint, sesEndpoint: proxy.endpoint, tableName, keyDir };
    const first = new PlatformProcess(processOptions);
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint, region: 'eu-west-2' });
    await ensureTable(client, tableName);
    client.destroy();
    const { url, offset } = await first.begin();
    return new SimPlatform(first, url, offset, proxy, sesEndpoint, tableName, dynamoEndpoint, platformDynamoEndpoint, staffIdentity, keyDir, stops);
  }

  get url(): string {
    return this.address.replace('localhost', '127.0.0.1');
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  offset(): number {
    return this.offsetMs;
  }

  /**
   * Each offset of the platform's clock from this machine's, from the machine time it was learnt: an
   * email read after the clock moved on is dated by the offset in force when it arrived, not by today's.
   */
  private readonly offsets: { from: number; offset: number }[] = [];

  /** The platform time of a moment of this machine's: by the offset in force then. */
  platformTimeOf(machineMs: number): number {
    const inForce = this.offsets.filter((entry) => entry.from <= machineMs).at(-1)?.offset ?? this.offsetMs;
    return machineMs + inForce;
  }

  private noteOffset(): void {
    if (this.offsets.at(-1)?.offset !== this.offsetMs) this.offsets.push({ from: Date.now(), offset: this.offsetMs });
  }

  dayStart(day: number): number {
    return this.startedAt + day * DAY;
  }

  /** A staff member's browser cookies, signed with the key the platform keeps across restarts. */
  staffCookie(staff: StaffProfile = localStaff[0]!, csrf: string): string {
    return `pip_staff=${this.staffIdentity.issueIdToken(staff)}; pip_csrf=${csrf}`;
  }

  bearer(staff: StaffProfile = localStaff[0]!): string {
    return `Bearer ${this.staffIdentity.issueIdToken(staff)}`;
  }

  /** Waits while the platform is being restarted (requests in the meantime would meet a closed port). */
  async ready(): Promise<void> {
    while (this.restarting) await this.restarting;
  }

  /** The platform's clock as its process last said (this process never moves it itself). */
  private track(offset: number): void {
    this.offsetMs = Math.max(this.offsetMs, offset);
    this.noteOffset();
  }

  /** Asks the platform process; if it is killed meanwhile, asks the one that replaces it (only for what may be done twice). */
  private async ask(request: PlatformAsk): Promise<void> {
    for (;;) {
      await this.ready();
      const running = this.running;
      try {
        return this.track(await running.request(request));
      } catch (error) {
        if (!(error instanceof PlatformKilled) || (running === this.running && !this.restarting)) throw error;
      }
    }
  }

  /** Moves the platform clock forward to `at` (never back), then lets the workflow finish what that ended. */
  async advanceTo(at: number, areaIds: readonly string[]): Promise<void> {
    // Not simply asked again after a kill: the move may have been stored before it; the new process took up the clock from the table.
    // A real network holds an email for seconds, never days: one still on its way to the email service
    // arrives before the clock moves, and is dated by the platform time it was sent at.
    await this.proxy.quiet();
    for (;;) {
      await this.ready();
      const by = at - this.now();
      if (by <= 0) break;
      const running = this.running;
      try {
        this.track(await running.request({ op: 'advance', ms: by }));
        break;
      } catch (error) {
        if (!(error instanceof PlatformKilled) || (running === this.running && !this.restarting)) throw error;
      }
    }
    await this.idle(areaIds);
  }

  async idle(areaIds: readonly string[]): Promise<void> {
    await this.ask({ op: 'idle', areaIds: [...areaIds] });
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
    // One item read (the oldest due), not the whole pending list, to know whether there is anything to send.
    if ((await this.outbox.oldestDueAt(new Date(this.now()))) !== undefined) await this.runTimed('deliver-emails');
    if (this.now() - this.retentionRanAt >= RETENTION_EVERY_MS) {
      this.retentionRanAt = this.now();
      await this.runTimed('apply-retention');
    }
  }

  /**
   * Waits, by the machine's time, until every email claim a killed platform left has lapsed: a claim
   * lasts while its send may be in flight (a minute), however far the platform clock has moved, so the
   * next delivery may take those emails up again.
   */
  async claimsLapsed(): Promise<void> {
    let lapseAt = 0;
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: '#type = :email AND #status = :sending',
          ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
          ExpressionAttributeValues: { ':email': 'email', ':sending': 'sending' },
          ExclusiveStartKey: cursor,
        }),
      );
      for (const item of page.Items ?? []) lapseAt = Math.max(lapseAt, Date.parse(String(item.claimExpiresAt)));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    const wait = lapseAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 100));
  }

  /** A timed function, as its schedule would run it (in the platform's process; again after a kill, as the next schedule would). */
  async runTimed(name: 'deliver-emails' | 'start-area-workflows' | 'apply-retention'): Promise<void> {
    const run = () => this.ask({ op: 'timed', name });
    await (this.profile ? this.profile.time(`  (within) ${name}`, run) : run());
  }

  /**
   * Kills the platform's process with SIGKILL, wherever it is (a handler mid-request, a workflow step,
   * a clock move), then starts another on the same table: it takes up the clock from the table and
   * resumes every execution that was in the middle of a step.
   */
  async restart(): Promise<void> {
    if (this.restarting) return this.restarting;
    this.restarting = (async () => {
      const options = { dynamoEndpoint: this.platformDynamoEndpoint, sesEndpoint: this.proxy.endpoint, tableName: this.tableName, keyDir: this.keyDir };
      const next = this.spare ?? new PlatformProcess(options);
      this.spare = undefined;
      this.killedAt.push(Date.now());
      await this.running.kill();
      const { url, offset } = await next.begin();
      this.running = next;
      this.address = url;
      this.offsetMs = offset;
      this.noteOffset();
      this.restarts += 1;
      this.startWorkflowsDue = true;
      // The next kill's replacement loads while the run goes on.
      this.spare = new PlatformProcess({ ...options, preload: true });
    })();
    try {
      await this.restarting;
    } finally {
      this.restarting = undefined;
    }
  }

  async stop(): Promise<void> {
    this.unwatch();
    this.documents.destroy();
    await Promise.all([this.running.stop(), this.spare?.kill()]);
    for (const stop of this.stops.reverse()) await stop().catch(() => undefined);
  }
}

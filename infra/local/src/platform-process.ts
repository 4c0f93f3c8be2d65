import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** What the parent asks of a platform process (platform-child.ts). */
export type PlatformAsk = { op: 'advance'; ms: number } | { op: 'idle'; areaIds: string[] } | { op: 'timed'; name: string } | { op: 'settled' };
export type PlatformRequest = { id: number } & PlatformAsk;

/** What a platform process says: its code loaded; started (with the clock it restored); or the answer to a request. */
export type PlatformReply =
  | { loaded: true }
  | { url: string; offset: number }
  | { id: number; ok: boolean; error?: string; offset: number };

/** The process was killed (or died) before it answered. */
export class PlatformKilled extends Error {}

export interface PlatformProcessOptions {
  dynamoEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  /** Where the staff signing key is kept (the same key across restarts, as Cognito's is). */
  keyDir: string;
  /** Load every function's code before `begin()` (for a spare, which has time to wait). */
  preload?: boolean;
}

const ENTRY = join(import.meta.dirname, 'platform-child.ts');
const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * The local platform in a child process, driven over its IPC channel, so that it can be SIGKILLed at
 * any moment (mid-request, mid-step, mid clock move) and another started on the same table. It
 * loads its code as soon as it is made and starts the platform only on `begin()`: a spare made in
 * advance takes over a killed one in the time the platform needs to start, not to load.
 */
export class PlatformProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (offset: number) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private readonly loaded: Promise<void>;
  private readonly started: Promise<{ url: string; offset: number }>;
  private readonly exited: Promise<void>;

  constructor(private readonly options: PlatformProcessOptions) {
    this.child = fork(ENTRY, [], {
      cwd: PROJECT_ROOT,
      // PIP_CPU_PROF_DIR=dir: each platform process writes a V8 CPU profile there when it ends normally
      // (a SIGKILLed one writes none), to see where a request's time goes (test/simulation/cpu-profile.ts reads it).
      execArgv: ['--import', 'tsx', ...(process.env.PIP_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PIP_CPU_PROF_DIR}`] : [])],
      env: {
        ...process.env,
        PIP_DYNAMODB_ENDPOINT: options.dynamoEndpoint,
        PIP_SES_ENDPOINT: options.sesEndpoint,
        PIP_TABLE_NAME: options.tableName,
        PIP_KEY_DIR: options.keyDir,
        PIP_PRELOAD_FUNCTIONS: options.preload ? '1' : '0',
        // The clock is the table's: a restarted platform takes it up from there, never from this process.
        PIP_LOCAL_CLOCK_OFFSET_MS: '',
        // Each process would repeat the SDK's warning about Node's version; errors still show.
        NODE_NO_WARNINGS: '1',
        // Off this machine's Lambda the Tracer hands each client back untouched, but loading it loads the
        // X-Ray SDK, whose cls-hooked namespace tracks the end of every promise (an async_hooks destroy
        // hook): 6% of the platform process's CPU in a simulation, for nothing. As a bundle without tracing.
        PIP_BUNDLE_TRACING: 'false',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const gone = new Promise<never>((_, reject) =>
      this.child.once('exit', (code, signal) => reject(new PlatformKilled(`the platform process ended (${signal ?? `exit code ${code}`})`))),
    );
    gone.catch(() => undefined);
    this.exited = gone.catch(() => undefined);
    let loadedNow!: () => void;
    let startedNow!: (value: { url: string; offset: number }) => void;
    this.loaded = Promise.race([new Promise<void>((resolve) => (loadedNow = resolve)), gone]);
    this.started = Promise.race([new Promise<{ url: string; offset: number }>((resolve) => (startedNow = resolve)), gone]);
    this.loaded.catch(() => undefined);
    this.started.catch(() => undefined);
    this.child.on('message', (message: PlatformReply) => {
      if ('loaded' in message) return loadedNow();
      if ('url' in message) return startedNow(message);
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.offset);
      else waiting?.reject(new Error(message.error));
    });
    void this.exited.then(() => {
      for (const [, waiting] of this.pending) waiting.reject(new PlatformKilled('the platform process was killed before it answered'));
      this.pending.clear();
    });
  }

  /** Starts the platform (once its code has loaded); answers its address and the clock it took up from the table. */
  async begin(): Promise<{ url: string; offset: number }> {
    await this.loaded;
    this.child.send('go');
    return this.started;
  }

  /** Sends a request; answers the platform clock's offset after it. Rejects with PlatformKilled if the process dies first. */
  request(request: PlatformAsk): Promise<number> {
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null || !this.child.connected) {
        reject(new PlatformKilled('the platform process is not running'));
        return;
      }
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id } satisfies PlatformRequest);
    });
  }

  /** SIGKILL: no handler finishes, nothing is flushed, as when a host vanishes. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Lets it stop what it started (its server, workflow runner and stream reader), then exits. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    if (this.child.connected) this.child.disconnect();
    else this.child.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }

  get tableName(): string {
    return this.options.tableName;
  }
}

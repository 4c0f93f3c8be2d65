import { platformFunctions } from '@pip/functions/routes';
import { loadHandler } from './http-server';
import { tableStreamsSettled } from './local-table-stream';
import { platformClockOffset } from './platform-clock';
import type { PlatformRequest, PlatformReply } from './platform-process';

/**
 * The local platform as a process of its own, on DynamoDB Local, the SES endpoint and a table that
 * are already there (PIP_DYNAMODB_ENDPOINT, PIP_SES_ENDPOINT, PIP_TABLE_NAME, PIP_KEY_DIR), so that
 * whoever started it can kill it with SIGKILL at any moment and start another on the same data, as
 * Lambda's hosts can vanish. Its parent moves the clock, waits for the workflow and the table stream,
 * and runs the timed functions through the IPC channel (platform-process.ts). It loads its code first
 * and starts the platform only when told to: a spare kept ready takes over at once after a kill.
 */
const send = (message: PlatformReply) => process.send?.(message);
const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const { startPlatform } = await import('./platform');
// A spare loads each function's code while it waits, so that it serves at once once it takes over;
// the first process loads them as they are needed, as before, rather than delay the run's start.
if (process.env.PIP_PRELOAD_FUNCTIONS === '1') await Promise.all(platformFunctions.map((fn) => loadHandler(fn.name).catch(() => undefined)));
send({ loaded: true });

const go = await new Promise<void>((resolve) => process.once('message', () => resolve()));
void go;
const platform = await startPlatform({
  dynamoEndpoint: required('PIP_DYNAMODB_ENDPOINT'),
  sesEndpoint: required('PIP_SES_ENDPOINT'),
  tableName: required('PIP_TABLE_NAME'),
  dataDir: required('PIP_KEY_DIR'),
  port: 0,
  workflow: true,
  schedules: false,
  // Its parent ticks the workflow after each move of the clock, the only thing that makes a wait due here,
  // and plays areas of its own: no two-second tick reading every area, no demo areas that never complete.
  workflowTimer: false,
  demoAreas: false,
  // Its parent waits for the stream before it reads any email: while nothing is written, polls back off to a second.
  streamIdlePollMs: 1000,
});
const workflow = platform.workflow!;
send({ url: platform.url, offset: platformClockOffset() });

process.on('message', (message: PlatformRequest) => {
  const work = async (): Promise<void> => {
    switch (message.op) {
      case 'advance':
        return workflow.advanceClock(message.ms);
      case 'idle':
        return void (await Promise.all(message.areaIds.map((areaId) => workflow.idle(areaId))));
      case 'timed': {
        const began = performance.now();
        const result = await (await loadHandler<() => Promise<unknown>>(message.name))();
        // PIP_TRACE_TIMED=1: each run's time and what it did (emails sent, failed, expired; records retention acted on), to see why a run is slow.
        if (process.env.PIP_TRACE_TIMED) process.stderr.write(`timed ${message.name} ${Math.round(performance.now() - began)} ms ${JSON.stringify(result)}\n`);
        return;
      }
      case 'settled':
        return tableStreamsSettled();
    }
  };
  work().then(
    () => send({ id: message.id, ok: true, offset: platformClockOffset() }),
    (error: unknown) => send({ id: message.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error), offset: platformClockOffset() }),
  );
});
// The parent gone (its channel closed): nothing would ever stop this process otherwise.
process.on('disconnect', () => void platform.stop().then(() => process.exit(0)));

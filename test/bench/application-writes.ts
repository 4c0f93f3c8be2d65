/**
 * Every write and read one application causes, end to end, as AWS would bill it: the submission's
 * transaction item by item, then each write of its delivery from the table's stream, with every index
 * copy. Each write's item is read before and after (by a client this trace does not count), and billed
 * by AWS's rules, not DynamoDB Local's: a write request unit per KB of the larger of the item before and
 * after, two per KB in a transaction (its ConditionCheck included); each index holding the item before or
 * after writes its copy again (a changed index key: a delete of the old copy and a put of the new).
 * Reads are as DynamoDB Local reports them. Prints; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startPlatform, tableStreamsSettled } from '@pip/local';
import { tableSchema } from '@pip/storage';
import { goodAnswers } from '../support/application-answers';
import { environmentAtStart, prices } from './cost';

const APPLICATIONS = Number(process.env.BENCH_TRACED_APPLICATIONS ?? 3);
const MEMORY_GB = 512 / 1024;
const COLD_INIT_MS = Number(process.env.BENCH_COLD_INIT_MS ?? 300);
const KB = 1024;

type Image = Record<string, AttributeValue>;

interface TracedWrite {
  what: string;
  table: number;
  indexes: Record<string, number>;
  /** As DynamoDB Local reported the call (for a transaction, the whole transaction on its first item). */
  local: number;
}

interface TracedCall {
  command: string;
  writes: TracedWrite[];
  rru: number;
}

/** An attribute value's size as DynamoDB counts it (names and values in UTF-8; numbers about a byte per two digits). */
function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\.|e.*$/giu, '').length / 2) + 1;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.L !== undefined) return 3 + value.L.reduce((sum, entry) => sum + 1 + valueSize(entry), 0);
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((sum, [name, entry]) => sum + 1 + Buffer.byteLength(name) + valueSize(entry), 0);
  if (value.SS !== undefined) return value.SS.reduce((sum, entry) => sum + Buffer.byteLength(entry), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, entry) => sum + entry.length, 0);
  return 0;
}

const itemSize = (image: Image | undefined) => (image ? Object.entries(image).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0) : 0);
const units = (bytes: number) => (bytes === 0 ? 0 : Math.ceil(bytes / KB));

/** What one write of an item costs, by AWS's rules, from the item before and after; `factor` 2 in a transaction. */
function billed(before: Image | undefined, after: Image | undefined, factor: number): Pick<TracedWrite, 'table' | 'indexes'> {
  const size = Math.max(itemSize(before), itemSize(after));
  const indexes: Record<string, number> = {};
  for (const index of tableSchema.globalSecondaryIndexes) {
    const keyOf = (image: Image | undefined) => (image?.[index.partitionKey]?.S !== undefined && image[index.sortKey]?.S !== undefined ? `${image[index.partitionKey]!.S}\u0000${image[index.sortKey]!.S}` : undefined);
    const [was, is] = [keyOf(before), keyOf(after)];
    let cost = 0;
    if (was !== undefined && is !== undefined && was === is) cost = units(size);
    else cost = (was !== undefined ? units(itemSize(before)) : 0) + (is !== undefined ? units(itemSize(after)) : 0);
    if (cost > 0) indexes[index.indexName] = cost * factor;
  }
  return { table: Math.max(1, units(size)) * factor, indexes };
}

/** What an item is, for the table: its kind, and what a write changed of it. */
function describe(before: Image | undefined, after: Image | undefined, verb: string): string {
  const image = after ?? before;
  const kind = image?.type?.S ?? String(image?.sk?.S ?? image?.pk?.S ?? 'item').split('#')[0]!.toLowerCase();
  const status = (one: Image | undefined) => one?.status?.S;
  const change = status(before) !== status(after) && (status(before) || status(after)) ? ` ${status(before) ?? 'new'} -> ${status(after) ?? 'gone'}` : '';
  const extra = kind === 'audit' ? ` "${image?.action?.S ?? ''}"` : '';
  return `${verb} ${kind}${extra}${change} (${(itemSize(after ?? before) / KB).toFixed(2)} KB)`;
}

const keyOf = (key: Record<string, unknown> | undefined): Image | undefined => {
  if (!key) return undefined;
  const entries = Object.entries(key).filter(([name]) => name === 'pk' || name === 'sk');
  return Object.fromEntries(entries.map(([name, value]) => [name, typeof value === 'string' ? { S: value } : (value as AttributeValue)]));
};

type Middleware = (next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>, context: { commandName?: string }) => (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;

/**
 * The trace in a process of its own, after the round trips' run: the platform's functions keep their
 * clients for the life of a process, so a second platform in the same one would reach the first's
 * stopped DynamoDB Local.
 */
export async function printApplicationWritesApart(): Promise<void> {
  const bench = fileURLToPath(new URL('./bench.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, bench, 'application-writes'], { stdio: 'inherit', env: { ...environmentAtStart, BENCH_SECTIONS: '' } });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) console.log(`  (the trace of one application ended with code ${code})`);
}

/**
 * Starts a local platform, submits applications through the JSON API one at a time, waits for the table's
 * stream to have delivered each one's email, and prints what the last one cost, call by call.
 */
export async function printApplicationWrites(): Promise<void> {
  process.env.LOG_LEVEL = 'WARN';
  const platform = await startPlatform({ port: 0 });
  const images = new DynamoDBClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const table = platform.tableName;
  const read = async (key: Image | undefined): Promise<Image | undefined> => (key ? (await images.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item : undefined);
  let calls: TracedCall[] | undefined;
  const tracing: Middleware = (next, context) => async (args) => {
    const command = (context.commandName ?? '').replace(/Command$/u, '');
    const input = args.input;
    // The local stream reader's own checkpoint stands in for Lambda's event source mapping: not the platform's.
    if (!calls || (keyOf((input.Key ?? input.Item) as Record<string, unknown>)?.pk?.S ?? '').startsWith('LOCAL#') || (command !== 'TransactWriteItems' && !['PutItem', 'UpdateItem', 'DeleteItem', 'GetItem', 'Query', 'BatchGetItem', 'Scan', 'TransactGetItems'].includes(command))) {
      return next(args);
    }
    const log = calls;
    const asked = { ...args, input: { ...input, ReturnConsumedCapacity: 'INDEXES' } };
    if (command === 'TransactWriteItems') {
      const items = input.TransactItems as Record<string, { Key?: Record<string, unknown>; Item?: Record<string, unknown> }>[];
      const keys = items.map((entry) => {
        const [verb, body] = Object.entries(entry)[0]!;
        return { verb, key: keyOf(body.Key ?? body.Item) };
      });
      const before = await Promise.all(keys.map(({ key }) => read(key)));
      const result = await next(asked);
      const after = await Promise.all(keys.map(({ key }) => read(key)));
      const local = [result.output.ConsumedCapacity].flat().reduce((sum: number, entry) => sum + Number((entry as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0), 0);
      log.push({
        command,
        rru: 0,
        writes: keys.map(({ verb }, index) =>
          verb === 'ConditionCheck'
            ? { what: `ConditionCheck ${describe(before[index], before[index], '').trim()}`, table: 2 * Math.max(1, units(itemSize(before[index]))), indexes: {}, local: index === 0 ? local : 0 }
            : { what: describe(before[index], after[index], verb), ...billed(before[index], after[index], 2), local: index === 0 ? local : 0 },
        ),
      });
      return result;
    }
    if (command === 'PutItem' || command === 'UpdateItem' || command === 'DeleteItem') {
      const key = keyOf((input.Key ?? input.Item) as Record<string, unknown>);
      const before = await read(key);
      const result = await next(asked);
      const after = await read(key);
      const consumed = result.output.ConsumedCapacity as { CapacityUnits?: number } | undefined;
      log.push({ command, rru: 0, writes: [{ what: describe(before, after, command.replace(/Item$/u, '')), ...billed(before, after, 1), local: consumed?.CapacityUnits ?? 0 }] });
      return result;
    }
    const result = await next(asked);
    const rru = [result.output.ConsumedCapacity].flat().reduce((sum: number, entry) => sum + Number((entry as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0), 0);
    const values = Object.values((input.ExpressionAttributeValues ?? {}) as Record<string, unknown>).map((value) => (typeof value === 'string' ? value : (value as AttributeValue).S)).filter(Boolean);
    const what = keyOf(input.Key as Record<string, unknown>)?.pk?.S ?? values[0] ?? '';
    const on = `${input.IndexName ? ` on ${String(input.IndexName)}` : ''} ${String(what).split('#')[0]}`;
    log.push({ command, rru, writes: [] });
    log[log.length - 1]!.command = `${command}${on}`;
    return result;
  };
  const instrumented = new WeakSet<object>();
  type Sender = { middlewareStack: { add: (middleware: Middleware, options: Record<string, unknown>) => void }; send: (...args: unknown[]) => unknown };
  const restore: (() => void)[] = [];
  for (const prototype of [DynamoDBClient.prototype, DynamoDBDocumentClient.prototype] as unknown as Sender[]) {
    const own = Object.hasOwn(prototype, 'send');
    const send = prototype.send;
    prototype.send = function (this: Sender, ...args: unknown[]) {
      if (this !== (images as unknown) && !instrumented.has(this.middlewareStack)) {
        instrumented.add(this.middlewareStack);
        this.middlewareStack.add(tracing, { step: 'initialize', name: 'benchTraceWrites', priority: 'low', override: true });
      }
      return send.apply(this, args);
    };
    restore.push(() => {
      if (own) prototype.send = send;
      else delete (prototype as { send?: unknown }).send;
    });
  }
  const base = platform.url.replace('localhost', '127.0.0.1');
  const traces: { calls: TracedCall[]; submitMs: number; deliveryMs: number }[] = [];
  try {
    for (let i = 0; i < APPLICATIONS + 1; i += 1) {
      await tableStreamsSettled();
      calls = [];
      const started = performance.now();
      const response = await fetch(`${base}/api/areas/leeds/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(goodAnswers(`trace.${randomUUID()}@example.org`)) });
      if (response.status !== 201) throw new Error(`submission answered ${response.status}: ${await response.text()}`);
      const submitMs = performance.now() - started;
      const submitCalls = calls.length;
      const answered = performance.now();
      await tableStreamsSettled();
      const deliveryMs = performance.now() - answered;
      const traced = calls;
      calls = undefined;
      // The first warms the platform's paths (and reads the area into its container): not counted.
      if (i > 0) traces.push({ calls: traced.map((call, index) => ({ ...call, command: `${index < submitCalls ? 'submit' : 'stream'}  ${call.command}` })), submitMs, deliveryMs });
    }
  } finally {
    for (const undo of restore) undo();
    images.destroy();
    await platform.stop();
  }
  printTrace(traces);
}

function printTrace(traces: { calls: TracedCall[]; submitMs: number; deliveryMs: number }[]): void {
  const last = traces[traces.length - 1]!;
  console.log(`\nOne application end to end, as AWS bills it (the last of ${traces.length} traced on a fresh local platform; WRU per item: the larger of before and after, per KB; x2 in a transaction; each index copy again, a moved key twice)`);
  let wru = 0;
  let rru = 0;
  for (const call of last.calls) {
    if (call.writes.length === 0) {
      rru += call.rru;
      console.log(`  ${call.command.padEnd(44)} ${''.padEnd(62)} ${call.rru.toFixed(1).padStart(5)} RRU`);
      continue;
    }
    console.log(`  ${call.command}`);
    for (const write of call.writes) {
      const copies = Object.entries(write.indexes).map(([name, cost]) => `${name} ${cost}`).join(', ');
      const total = write.table + Object.values(write.indexes).reduce((a, b) => a + b, 0);
      wru += total;
      console.log(`    ${write.what.padEnd(70)} ${String(total).padStart(4)} WRU  (table ${write.table}${copies ? `, ${copies}` : ''})${write.local ? `  [Local: ${write.local}]` : ''}`);
    }
  }
  const mean = (pick: (trace: (typeof traces)[number]) => number) => traces.reduce((sum, trace) => sum + pick(trace), 0) / traces.length;
  const allWru = mean((trace) => trace.calls.flatMap((call) => call.writes).reduce((sum, write) => sum + write.table + Object.values(write.indexes).reduce((a, b) => a + b, 0), 0));
  const allRru = mean((trace) => trace.calls.reduce((sum, call) => sum + call.rru, 0));
  const dynamo = (allWru * prices.perWriteRequestUnit + allRru * prices.perReadRequestUnit) * 1000;
  // Two invocations: the request's function, and the delivery function the stream invokes once for the application's records.
  const lambda = (2 * prices.lambdaPerRequest + MEMORY_GB * ((mean((t) => t.submitMs) + mean((t) => t.deliveryMs) + 2 * COLD_INIT_MS) / 1000) * prices.lambdaPerGbSecond) * 1000;
  const api = prices.apiPerRequest * 1000;
  console.log(`  ${'this application in all'.padEnd(44)} ${wru} WRU, ${rru.toFixed(1)} RRU`);
  console.log(`  mean of the ${traces.length}: ${allWru.toFixed(1)} WRU, ${allRru.toFixed(1)} RRU; per 1,000 applications: DynamoDB $${dynamo.toFixed(5)}, Lambda $${lambda.toFixed(5)} (2 invocations: the request's ${mean((t) => t.submitMs).toFixed(0)} ms and the stream's ${mean((t) => t.deliveryMs).toFixed(0)} ms from the answer until it settled, an upper bound on this loaded machine, + ${COLD_INIT_MS} ms cold each), API $${api.toFixed(5)}: $${(dynamo + lambda + api).toFixed(5)} (goal $0.01; SES apart)`);
  console.log('  (the stream\'s own reading is free to Lambda in AWS; the local stream reader\'s checkpoint is left out)');
}

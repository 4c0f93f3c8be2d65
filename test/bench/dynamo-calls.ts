/**
 * Counts every DynamoDB call made in this process, by who caused it: an SDK middleware added to the
 * stack of each client on its first send (the bench patches the client classes' `send`, so the
 * platform's composition root stays as it is), and an AsyncLocalStorage entered round each HTTP
 * request the local server receives. Each call also asks DynamoDB Local for its consumed capacity.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Server, type IncomingMessage } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface CallTally {
  /** Calls by command name: GetItem, Query, TransactWriteItems... */
  commands: Record<string, number>;
  reads: number;
  /**
   * Read round trips one after another: the longest chain of reads in which each began after the one
   * before it had answered (reads side by side count once). Summed over the requests or runs a tally covers.
   */
  readWaves: number;
  writes: number;
  itemsRead: number;
  /** Queries of the table (not an index's list) with no sort key condition: every item of an area, say. */
  wholePartitionReads: number;
  rcu: number;
  wcu: number;
  /** Wall time of the HTTP requests (or runs) this tally covers, and how many. */
  ms: number;
  runs: number;
}

interface Caller {
  tally: CallTally;
  /** The longest chain among the reads that have answered, and among those begun. */
  answeredDepth: number;
  depth: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem']);

const callers = new AsyncLocalStorage<Caller>();

export const emptyTally = (): CallTally => ({ commands: {}, reads: 0, readWaves: 0, writes: 0, itemsRead: 0, wholePartitionReads: 0, rcu: 0, wcu: 0, ms: 0, runs: 0 });

/** Calls made outside any request or counted run: the local server's own start, the workflow runner's timer before it was named. */
export const unattributed = emptyTally();

/** Runs `work` counting into `tally` every DynamoDB call it causes, however deep. */
export function countInto<T>(tally: CallTally, work: () => T): T {
  return callers.run({ tally, answeredDepth: 0, depth: 0 }, work);
}

/** Calls only the local stand-ins make (the workflow runner's own records), which AWS would not: the bench names them. */
export const localOnly = emptyTally();
let isLocalOnly: (input: Record<string, unknown>, tally: CallTally) => boolean = () => false;
export function countAsLocalOnly(predicate: typeof isLocalOnly): void {
  isLocalOnly = predicate;
}

/** Tallies of requests in flight, by the id the bench sends in the `x-bench-tally` header. */
export const requestTallies = new Map<string, CallTally>();

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };

function itemsIn(output: Record<string, unknown>): number {
  if (typeof output.ScannedCount === 'number') return output.ScannedCount;
  if ('Item' in output) return output.Item ? 1 : 0;
  const responses = output.Responses;
  if (Array.isArray(responses)) return responses.filter((response) => (response as { Item?: unknown }).Item).length;
  if (responses && typeof responses === 'object') return Object.values(responses as Record<string, unknown[]>).reduce((sum, items) => sum + items.length, 0);
  return 0;
}

function addCapacity(tally: CallTally, command: string, consumed: unknown): void {
  for (const entry of [consumed].flat() as (Capacity | undefined)[]) {
    if (!entry) continue;
    // DynamoDB Local reports CapacityUnits only; whether they are reads or writes follows from the command.
    const read = entry.ReadCapacityUnits ?? (READS.has(command) ? entry.CapacityUnits ?? 0 : 0);
    const write = entry.WriteCapacityUnits ?? (WRITES.has(command) ? entry.CapacityUnits ?? 0 : 0);
    tally.rcu += read;
    tally.wcu += write;
  }
}

type Middleware = (next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>, context: { commandName?: string }) => (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>;

const counting: Middleware = (next, context) => async (args) => {
  const command = (context.commandName ?? 'Unknown').replace(/Command$/u, '');
  const caller = callers.getStore();
  const tally = isLocalOnly(args.input, caller?.tally ?? unattributed) ? localOnly : (caller?.tally ?? unattributed);
  tally.commands[command] = (tally.commands[command] ?? 0) + 1;
  const isRead = READS.has(command);
  // A read waits for every read of its caller that had answered before it began: its place in the chain is one after the longest of them.
  const depth = (caller?.answeredDepth ?? 0) + 1;
  if (isRead) {
    tally.reads += 1;
    if (!caller) tally.readWaves += 1;
    else if (depth > caller.depth) {
      tally.readWaves += depth - caller.depth;
      caller.depth = depth;
    }
    const condition = String(args.input.KeyConditionExpression ?? '');
    if (command === 'Query' && args.input.IndexName === undefined && !/\band\b/iu.test(condition)) tally.wholePartitionReads += 1;
  }
  if (WRITES.has(command)) tally.writes += 1;
  const asks = isRead || WRITES.has(command);
  try {
    const result = await next(asks ? { ...args, input: { ...args.input, ReturnConsumedCapacity: 'TOTAL' } } : args);
    if (isRead) tally.itemsRead += itemsIn(result.output);
    addCapacity(tally, command, result.output.ConsumedCapacity);
    return result;
  } finally {
    if (isRead && caller) caller.answeredDepth = Math.max(caller.answeredDepth, depth);
  }
};

const instrumented = new WeakSet<object>();
type Sender = { middlewareStack: { add: (middleware: Middleware, options: Record<string, unknown>) => void }; send: (...args: unknown[]) => unknown };

/** Patches the two client classes so that every client made from now on (or before) counts its calls. */
export function countDynamoCalls(): void {
  for (const prototype of [DynamoDBClient.prototype, DynamoDBDocumentClient.prototype] as unknown as Sender[]) {
    if (Object.hasOwn(prototype, 'send')) continue;
    const send = prototype.send;
    prototype.send = function (this: Sender, ...args: unknown[]) {
      // A document client shares its client's stack: one middleware per stack.
      if (!instrumented.has(this.middlewareStack)) {
        instrumented.add(this.middlewareStack);
        this.middlewareStack.add(counting, { step: 'initialize', name: 'benchCountCalls', override: true });
      }
      return send.apply(this, args);
    };
  }
  // Each request the local server receives counts into the tally the bench named in its header.
  const emit = Server.prototype.emit as (this: Server, event: string, ...args: unknown[]) => boolean;
  Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
    const id = event === 'request' ? (args[0] as IncomingMessage).headers['x-bench-tally'] : undefined;
    const tally = typeof id === 'string' ? requestTallies.get(id) : undefined;
    return tally ? countInto(tally, () => emit.call(this, event, ...args)) : emit.call(this, event, ...args);
  } as typeof Server.prototype.emit;
}

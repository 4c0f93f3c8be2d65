import { DescribeTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type GetRecordsCommandOutput,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';

/** A Lambda filter pattern over a stream record: each key's allowed values, or a pattern for what is under it. */
export type FilterPattern = { readonly [key: string]: readonly unknown[] | FilterPattern };

/** What the function's handler answers, as Lambda reads it with ReportBatchItemFailures. */
type BatchResponse = { batchItemFailures?: { itemIdentifier: string }[] } | void;

export interface TableStreamOptions {
  endpoint: string;
  region: string;
  tableName: string;
  /** The same patterns as the event source mapping in AWS: a record matching none invokes nothing. */
  filters: readonly FilterPattern[];
  /** Invokes the function with the event Lambda would send: `{ Records }`, each with its `eventSourceARN`. */
  invoke: (event: { Records: unknown[] }) => Promise<BatchResponse>;
  /** How often to ask for new records when nobody is waiting for them. */
  pollMs?: number;
  /**
   * The longest wait between polls once they find nothing (`pollMs` unless given): each empty poll
   * doubles the wait up to this, and a poll that finds records goes back to `pollMs`. The simulation's
   * platform, whose driver waits for the stream (`settled`, which wakes the reader at once) before it
   * reads any email, then asks DynamoDB Local less often while nothing is written; `pnpm start`, the
   * tests and the bench keep Lambda's quarter-second polling, so an email's time to the inbox is as it was.
   */
  longestIdlePollMs?: number;
}

export interface LocalTableStream {
  /** Resolves once every record written before the call has been handed to the function and acted on. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Lambda offers a failed record again a few times before naming it in the dead-letter queue. */
const ATTEMPTS = 3;
/** How often the stream's shards are listed again, for a shard that replaced a closed one. */
const SHARD_LIST_MS = 10_000;

const running = new Set<LocalTableStream>();

/**
 * Where the reader got to in each shard, kept in the table as Lambda's event source mapping keeps its
 * own: a platform killed mid-batch (SIGKILL) and started again reads on from there, so a record it
 * read but never acted on (an approval's announcement, say) is offered again rather than lost.
 * Local only: AWS keeps this for the mapping. Its own write matches no filter, so it causes no other.
 */
const CHECKPOINT_KEY = { pk: { S: 'LOCAL#TABLE-STREAM' }, sk: { S: 'CHECKPOINT' } };

/**
 * Every table stream this process reads has acted on what was written before the call: a test that
 * made a request then looks for its email waits only as long as delivery takes, never a fixed time.
 */
export async function tableStreamsSettled(): Promise<void> {
  await Promise.all([...running].map((stream) => stream.settled()));
}

/**
 * A stream read in another process (the platform run as a child, platform-process.ts) counted among
 * this process's, so that waiting for every stream to settle waits for it too. Answers how to forget it.
 */
export function watchTableStream(stream: LocalTableStream): () => void {
  running.add(stream);
  return () => running.delete(stream);
}

/** Whether a stream record matches a filter pattern (exact values only: all the platform's patterns use). */
export function matchesFilter(pattern: FilterPattern, value: unknown): boolean {
  return Object.entries(pattern).every(([key, rule]) => {
    const actual = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(rule)) return rule.includes(actual);
    return matchesFilter(rule as FilterPattern, actual);
  });
}

/**
 * DynamoDB Local's stream of the table, read as Lambda's event source mapping reads DynamoDB Streams
 * in AWS: records matching the filters go to the same handler in batches, in order, and a record the
 * handler reports as failed is offered again. The first time it starts from the latest record (the
 * minute's delivery sends whatever was queued before); after that from where the checkpoint it keeps in
 * the table says the last reader stopped. It polls every `pollMs`, and at once when asked whether it
 * has settled.
 */
export async function startLocalTableStream(options: TableStreamOptions): Promise<LocalTableStream> {
  const client = new DynamoDBClient({ endpoint: options.endpoint, region: options.region });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region });
  const { Table } = await client.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`The table ${options.tableName} has no stream`);
  const { Item: kept } = await client.send(new GetItemCommand({ TableName: options.tableName, Key: CHECKPOINT_KEY, ConsistentRead: true }));
  /** The last sequence number read in each shard (a checkpoint of another stream, after the table was made again, is ignored). */
  const positions = new Map<string, string>(kept?.streamArn?.S === streamArn ? Object.entries(JSON.parse(kept.positions?.S ?? '{}') as Record<string, string>) : []);
  const resuming = positions.size > 0;
  let positionsChanged = false;

  const iterators = new Map<string, string>();
  const seen = new Set<string>();
  const listShards = async (position: 'LATEST' | 'TRIM_HORIZON') => {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || seen.has(shard.ShardId)) continue;
      seen.add(shard.ShardId);
      const after = positions.get(shard.ShardId);
      // Where an earlier reader stopped; from the start of a shard it never read (once there is a checkpoint);
      // otherwise from now on: a shard closed before this reader started holds nothing new for it.
      const type = after ? 'AFTER_SEQUENCE_NUMBER' : resuming ? 'TRIM_HORIZON' : position;
      if (type === 'LATEST' && shard.SequenceNumberRange?.EndingSequenceNumber) continue;
      const iteratorOf = (ShardIteratorType: typeof type) =>
        streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType, ...(ShardIteratorType === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: after } : {}) }));
      // A checkpoint older than the stream keeps records (a day) points at nothing: from now on, as a first start.
      const { ShardIterator } = await iteratorOf(type).catch((error: unknown) => (type === 'AFTER_SEQUENCE_NUMBER' ? iteratorOf('LATEST') : Promise.reject(error)));
      if (ShardIterator) iterators.set(shard.ShardId, ShardIterator);
    }
  };
  await listShards('LATEST');
  let listedAt = Date.now();

  /** Kept after a pass that handed records to the function, before the next is read. */
  const saveCheckpoint = async () => {
    if (!positionsChanged) return;
    positionsChanged = false;
    await client.send(
      new PutItemCommand({
        TableName: options.tableName,
        Item: { ...CHECKPOINT_KEY, type: { S: 'local-table-stream-checkpoint' }, streamArn: { S: streamArn }, positions: { S: JSON.stringify(Object.fromEntries(positions)) } },
      }),
    );
  };

  const deliver = async (records: StreamRecord[]) => {
    let offered = records
      .filter((record) => options.filters.some((pattern) => matchesFilter(pattern, record)))
      .map((record) => ({ ...record, eventSourceARN: streamArn }));
    if (offered.length > 0) positionsChanged = true;
    for (let attempt = 1; offered.length > 0; attempt += 1) {
      let failed: string[];
      try {
        failed = ((await options.invoke({ Records: offered })) || {}).batchItemFailures?.map((failure) => failure.itemIdentifier) ?? [];
      } catch (error) {
        console.error('the table stream handler failed', error);
        failed = offered.map((record) => record.dynamodb?.SequenceNumber ?? '');
      }
      // As Lambda does: from the first failed record on, the batch is offered again.
      const from = offered.findIndex((record) => failed.includes(record.dynamodb?.SequenceNumber ?? ''));
      offered = from < 0 ? [] : offered.slice(from);
      if (offered.length > 0 && attempt >= ATTEMPTS) {
        console.error(`table stream records not acted on after ${ATTEMPTS} attempts`, offered.map((record) => record.dynamodb?.SequenceNumber));
        return;
      }
    }
  };

  /** Reads every shard until it has nothing more, handing what it reads to the handler; answers how many records it read. */
  const drain = async (): Promise<number> => {
    let read = 0;
    if (Date.now() - listedAt > SHARD_LIST_MS) {
      listedAt = Date.now();
      await listShards('TRIM_HORIZON');
    }
    for (const [shardId, first] of [...iterators]) {
      let iterator: string | undefined = first;
      for (;;) {
        const page: GetRecordsCommandOutput = await streams.send(new GetRecordsCommand({ ShardIterator: iterator })).catch(async (error: unknown) => {
          // DynamoDB Local, busy, has refused an iterator as past the shard's oldest record: read again from
          // where this reader got to, or from the shard's start if it has read nothing of it (acting on a
          // record twice adds nothing; skipping one would lose an email).
          if (!(error instanceof Error) || !['TrimmedDataAccessException', 'ExpiredIteratorException'].includes(error.name)) throw error;
          const after = positions.get(shardId);
          const { ShardIterator } = await streams.send(
            new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }) }),
          );
          return streams.send(new GetRecordsCommand({ ShardIterator }));
        });
        iterator = page.NextShardIterator;
        read += page.Records?.length ?? 0;
        if (page.Records?.length) await deliver(page.Records);
        const last = page.Records?.at(-1)?.dynamodb?.SequenceNumber;
        if (last) positions.set(shardId, last);
        if (!iterator || !page.Records?.length) break;
      }
      if (iterator) iterators.set(shardId, iterator);
      else {
        // The shard closed: its successor is read from its start.
        iterators.delete(shardId);
        await listShards('TRIM_HORIZON');
      }
    }
    await saveCheckpoint();
    return read;
  };

  let stopped = false;
  let started = 0;
  let finished = 0;
  let wake: (() => void) | undefined;
  const waiters: { cycle: number; resolve: () => void }[] = [];
  const busyPollMs = options.pollMs ?? 250;
  let pollMs = busyPollMs;
  const loop = (async () => {
    while (!stopped) {
      const cycle = ++started;
      try {
        pollMs = (await drain()) > 0 ? busyPollMs : Math.min(pollMs * 2, Math.max(options.longestIdlePollMs ?? busyPollMs, busyPollMs));
        // Only a pass that read every shard to its end settles those waiting: a failed one read nothing for them.
        finished = cycle;
      } catch (error) {
        if (!stopped) console.error('reading the table stream failed', error);
        pollMs = busyPollMs;
      }
      for (const waiter of waiters.filter((one) => one.cycle <= finished)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      // Those waiting are read for at once, unless the pass failed: then after the usual pause.
      if (waiters.length > 0 && finished === cycle) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  const stream: LocalTableStream = {
    settled: () =>
      stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            // A whole pass that begins after this call: one under way may have read its shards already.
            waiters.push({ cycle: started + 1, resolve });
            wake?.();
          }),
    stop: async () => {
      stopped = true;
      running.delete(stream);
      wake?.();
      await loop;
      for (const waiter of waiters.splice(0)) waiter.resolve();
      streams.destroy();
      client.destroy();
    },
  };
  running.add(stream);
  return stream;
}

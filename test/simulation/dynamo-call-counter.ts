import { Agent, createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of DynamoDB Local that counts the platform process's calls by operation (the
 * `X-Amz-Target` header) and the time each took to answer: whether DynamoDB Local's CPU goes on many
 * calls or on costly ones. Opt-in (PIP_COUNT_DYNAMO_CALLS=1); the simulation's own reads go direct.
 */
export interface DynamoCallCounter {
  endpoint: string;
  /** Calls by operation, most first: "GetRecords 1234 calls, 5.6 s answering". */
  lines(): string[];
  total(): number;
  stop(): Promise<void>;
}

export async function startDynamoCallCounter(target: string): Promise<DynamoCallCounter> {
  const to = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const calls = new Map<string, { count: number; ms: number; bytes: number }>();
  const server = createServer((incoming, outgoing) => {
    const began = performance.now();
    const sent: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => sent.push(chunk));
    let operation = String(incoming.headers['x-amz-target'] ?? 'unknown').split('.').at(-1)!;
    const upstream = forward({ host: to.hostname, port: to.port, path: incoming.url, method: incoming.method, headers: incoming.headers, agent }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      let bytes = 0;
      answer.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      answer.pipe(outgoing);
      answer.on('end', () => {
        // A refused condition (400) is a call made for nothing: counted apart, as are the kinds of update.
        operation = `${operation} ${whatOf(Buffer.concat(sent).toString('utf8'))}${answer.statusCode === 400 ? ' (refused)' : ''}`;
        const entry = calls.get(operation) ?? { count: 0, ms: 0, bytes: 0 };
        entry.count += 1;
        entry.ms += performance.now() - began;
        entry.bytes += bytes;
        calls.set(operation, entry);
      });
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lines: () =>
      [...calls.entries()]
        .sort(([, a], [, b]) => b.count - a.count)
        .map(([operation, { count, ms, bytes }]) => `${operation.padEnd(52)} ${String(count).padStart(7)} calls ${(ms / 1000).toFixed(1).padStart(7)} s answering ${(bytes / 1e6).toFixed(1).padStart(7)} MB`),
    total: () => [...calls.values()].reduce((sum, entry) => sum + entry.count, 0),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        agent.destroy();
      }),
  };
}

/** What a call reads or writes: the index it queries, or the kind of its key (the partition key up to its first `#`), for each item a transaction writes. */
function whatOf(body: string): string {
  try {
    const input = JSON.parse(body) as Record<string, unknown>;
    const kind = (key: unknown) => String((key as { pk?: { S?: string } } | undefined)?.pk?.S ?? '').split('#')[0] || '?';
    if (typeof input.IndexName === 'string') return `index ${input.IndexName}`;
    if (input.Key && typeof input.UpdateExpression === 'string') return `${kind(input.Key)} ${input.UpdateExpression.split(',')[0]}`;
    if (input.Key) return kind(input.Key);
    if (input.Item) return kind(input.Item);
    if (typeof input.KeyConditionExpression === 'string') return kind({ pk: (input.ExpressionAttributeValues as Record<string, unknown>)?.[':pk'] });
    if (Array.isArray(input.TransactItems))
      return (input.TransactItems as Record<string, { Key?: unknown; Item?: unknown }>[]).map((item) => Object.entries(item).map(([what, one]) => `${what}:${kind(one.Key ?? one.Item)}`)[0]).sort().join(',');
    return '';
  } catch {
    return '';
  }
}

import type { MemoryPorts } from './memory-ports';

/** Ports not part of a request's round trips: the clock, link makers, settings, the log. */
const NOT_STORES = new Set(['clock', 'links', 'linkTokens', 'settings', 'log', 'logs', 'random']);
/** Calls that write a decision. */
const WRITES = /^(announcements\.|selections\.write|outbox\.|delivery\.|calendars\.save|workshops\.save|emailedLinks\.(?!find\b)|audit\.record|reviews\.save|evaluation\.(respond|open|close|markCommentPublishable))/u;

/** What one request asked of the stores: each call by name, and the reads that ran one after another. */
export interface Recorded {
  calls: string[];
  writes: string[];
  readWaves: number;
}

/**
 * The memory ports as a request sees them, recording each store call: a read begun while none is in
 * flight starts a new wave (a round trip). The stream's own work (the memory announcements) is not seen.
 */
export function recording(ports: MemoryPorts): { ports: MemoryPorts; recorded: Recorded } {
  const recorded: Recorded = { calls: [], writes: [], readWaves: 0 };
  let readsInFlight = 0;
  const wrap = (name: string, store: object) =>
    new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return (...args: unknown[]) => {
          const call = `${name}.${property}`;
          recorded.calls.push(call);
          if (WRITES.test(call)) {
            recorded.writes.push(call);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          }
          if (readsInFlight === 0) recorded.readWaves += 1;
          readsInFlight += 1;
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          return Promise.resolve(result).finally(() => {
            readsInFlight -= 1;
          });
        };
      },
    });
  const wrapped = Object.fromEntries(
    Object.entries(ports).map(([name, port]) => [name, !NOT_STORES.has(name) && port && typeof port === 'object' ? wrap(name, port) : port]),
  ) as unknown as MemoryPorts;
  return { ports: wrapped, recorded };
}

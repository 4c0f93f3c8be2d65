import type { Ports } from '@pip/domain';
import type { MemoryPorts } from './memory-ports';

/** The writes that store a decision: the one a request makes before it tells anybody. */
const DECISIONS = new Set(['applications.moveToAddress', 'partners.recordNomination', 'workshops.saveSchedule', 'consultancy.book', 'consultancy.cancel', 'consultancy.recordHeld', 'followUps.confirm', 'followUps.propose', 'selections.write']);

/**
 * The ports of a request that stops (its function timed out, or was killed) as soon as its decision
 * is stored: the write that stores it answers, and every call the request makes after it fails.
 * What the table's stream does afterwards runs on the platform's own ports, as in AWS it runs in an
 * invocation of its own.
 */
export function stoppingAfterDecision(ports: MemoryPorts): Ports {
  let stopped = false;
  const stopping = <T extends object>(portName: string, port: T): T =>
    new Proxy(port, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const decision = portName === 'announcements' || DECISIONS.has(`${portName}.${String(name)}`);
        return (...args: unknown[]) => {
          if (stopped) throw new Error('the function stopped');
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!decision) return result;
          return (result as Promise<unknown>).then((stored) => {
            // A refused write (false, or a refusal's name) stored nothing: the request goes on to say so.
            if (stored === true || stored === 'booked' || stored === 'written' || stored === undefined) stopped = true;
            return stored;
          });
        };
      },
    });
  return Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, port && typeof port === 'object' ? stopping(name, port) : port])) as unknown as Ports;
}

/** Runs a request on stopping ports: it stops after its decision, or ends there when nothing follows the decision. */
export async function stoppedOrDone(request: Promise<unknown>): Promise<void> {
  await request.catch((error: unknown) => {
    if (!(error instanceof Error) || error.message !== 'the function stopped') throw error;
  });
}

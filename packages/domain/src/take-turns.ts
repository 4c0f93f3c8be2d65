/** What an attempt returns when another writer got there first: read again and decide again. */
export const LOST_RACE = Symbol('lost race');

/**
 * Optimistic concurrency: runs `attempt` (read, decide, conditional write) until its write lands.
 * Between tries it waits a random, growing while (full jitter), so writers racing for one item
 * take turns instead of colliding again at once. After `tries` it gives up with `giveUp()`.
 */
export async function takeTurns<T>(attempt: () => Promise<T | typeof LOST_RACE>, giveUp: () => Error, tries = 12): Promise<T> {
  for (let n = 0; n < tries; n += 1) {
    const result = await attempt();
    if (result !== LOST_RACE) return result;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** n)));
  }
  throw giveUp();
}

/**
 * Works through independent writes a few at a time: each waits mostly on the table, so a long list
 * (a retention pass, an erasure's emails) goes in a fraction of the time, and never all at once.
 */
export async function eachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

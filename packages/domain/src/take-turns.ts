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

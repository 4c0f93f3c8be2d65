/**
 * Where a run's time goes, by part (clock moves, timed functions, each kind of action, reading the
 * inbox, the checks): printed with the summary, so a slow run says why. It measures; it never decides.
 */
export class Profile {
  private readonly parts = new Map<string, { ms: number; count: number }>();

  async time<T>(part: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(part, performance.now() - started);
    }
  }

  add(part: string, ms: number): void {
    const entry = this.parts.get(part) ?? { ms: 0, count: 0 };
    entry.ms += ms;
    entry.count += 1;
    this.parts.set(part, entry);
  }

  /** The parts, slowest first: "part 12.3 s in 45". */
  lines(): string[] {
    return [...this.parts.entries()]
      .sort(([, a], [, b]) => b.ms - a.ms)
      .map(([part, { ms, count }]) => `${part.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s in ${count}`);
  }
}

type Level = 'INFO' | 'WARN' | 'ERROR';
const LEVELS: Level[] = ['INFO', 'WARN', 'ERROR'];

/** One JSON line per event, which CloudWatch Logs Insights and a local terminal both read. LOG_LEVEL quietens it. */
export function log(level: Level, message: string, detail: Record<string, unknown> = {}): void {
  const threshold = LEVELS.indexOf((process.env.LOG_LEVEL?.toUpperCase() as Level | undefined) ?? 'INFO');
  if (LEVELS.indexOf(level) < threshold) return;
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...detail });
  if (level === 'ERROR') console.error(line);
  else console.log(line);
}

export function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.name, reason: error.message, stack: error.stack } : { error: String(error) };
}

/** One JSON line per event, which CloudWatch Logs Insights and a local terminal both read. */
export function log(level: 'INFO' | 'WARN' | 'ERROR', message: string, detail: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...detail });
  if (level === 'ERROR') console.error(line);
  else console.log(line);
}

export function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.name, reason: error.message, stack: error.stack } : { error: String(error) };
}

import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import type { Context } from 'aws-lambda';
import { SERVICE_NAME } from './metric-names';

type Level = 'INFO' | 'WARN' | 'ERROR';

let logger: Logger | undefined;

/**
 * The functions' one Powertools logger: a JSON line per event, with the service, the Lambda context
 * (cold start included) and the request's correlation id once an invocation has begun. It is made on
 * first use, so that it reads the environment as the local platform sets it (LOG_LEVEL quietens it;
 * POWERTOOLS_DEV sends its lines through the global console, which the tests capture).
 */
export function platformLogger(): Logger {
  // Powertools reads LOG_LEVEL only in capitals; handed over here, any case does, as it always did.
  logger ??= new Logger({ serviceName: SERVICE_NAME, logLevel: (process.env.POWERTOOLS_LOG_LEVEL || process.env.LOG_LEVEL)?.toUpperCase() as LogLevel | undefined });
  return logger;
}

/** One line of the log, in the shape the domain's `log` port has: CloudWatch in AWS, the terminal on this machine. */
export function log(level: Level, message: string, detail: Record<string, unknown> = {}): void {
  const to = platformLogger();
  if (level === 'ERROR') to.error(message, detail);
  else if (level === 'WARN') to.warn(message, detail);
  else to.info(message, detail);
}

export function describeError(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.name, reason: error.message, stack: error.stack } : { error: String(error) };
}

/**
 * From here until `endInvocationLog`, every line carries the Lambda context (function, request id,
 * cold start) and, for a request, its correlation id: API Gateway's request id, which the error page
 * quotes too. The local platform runs timed functions with no context, so there is none to add.
 */
export function beginInvocationLog(context: Context | undefined, correlationId?: string): void {
  const to = platformLogger();
  if (context) to.addContext(context);
  if (correlationId) to.setCorrelationId(correlationId);
}

/** Drops the invocation's own keys, so that nothing of one request is written into the next. */
export function endInvocationLog(): void {
  logger?.resetKeys();
}

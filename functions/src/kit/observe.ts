import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { HttpEvent, HttpResult } from './event';
import { beginInvocationLog, endInvocationLog } from './log';
import { publishMetrics } from './metrics';

/** Whatever the invocation did, its metrics are written and its log keys dropped. */
function endInvocation(): void {
  try {
    publishMetrics();
  } finally {
    endInvocationLog();
  }
}

/**
 * Outermost on every HTTP function: each log line of the request carries the Lambda context and the
 * API Gateway request id as its correlation id, and the metrics the request recorded are published
 * when it is answered, refused or failed (the work of Powertools' injectLambdaContext and logMetrics,
 * with the logger and metrics made when first used).
 */
export function observeRequests(): MiddlewareObj<HttpEvent, HttpResult, Error, Context> {
  return {
    before: (request) => beginInvocationLog(request.context, request.event.requestContext?.requestId),
    after: endInvocation,
    onError: endInvocation,
  };
}

/**
 * A function run by a schedule, the workflow or a notification: its log lines carry the Lambda
 * context, and the metrics it recorded are published in the end, whether it succeeded or threw.
 */
export function observedFunction<E, R>(run: (event: E) => Promise<R>): (event: E, context?: Context) => Promise<R> {
  return async (event, context) => {
    beginInvocationLog(context);
    try {
      return await run(event);
    } finally {
      endInvocation();
    }
  };
}

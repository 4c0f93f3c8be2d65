import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type { Context } from 'aws-lambda';
import { bodyParser, type BodyKind } from './body-parser';
import { errorResponses } from './error-responses';
import type { HttpEvent, HttpResult } from './event';
import { securityHeaders } from './security-headers';
import { staffAuth } from './staff-auth';

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: (event: HttpEvent, context: Context) => Promise<HttpResult> | HttpResult;
}

export interface HttpHandlerOptions {
  kind: 'page' | 'json';
  /** Staff unless said otherwise: a handler is public only when it says so. */
  access?: 'public' | 'staff';
  body?: BodyKind;
  routes: HttpRoute[];
}

/**
 * One Lambda handler for a few closely related routes, with the cross-cutting concerns added once:
 * security headers outermost, then error mapping, then body parsing, then staff sign-in.
 */
export function httpHandler(options: HttpHandlerOptions) {
  const router = httpRouterHandler({ routes: options.routes } as unknown as Parameters<typeof httpRouterHandler>[0]);
  const handler = middy<HttpEvent, HttpResult>()
    .use(securityHeaders())
    .use(errorResponses(options.kind));
  if (options.body) handler.use(bodyParser(options.body));
  if ((options.access ?? 'staff') === 'staff') handler.use(staffAuth(options.kind));
  return handler.handler(router as unknown as Parameters<typeof handler.handler>[0]);
}

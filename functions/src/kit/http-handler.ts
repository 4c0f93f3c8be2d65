import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { routes as routeTable, type FunctionName, type RouteKeyOf } from '../routes';
import { bodyParser, type BodyKind } from './body-parser';
import { errorResponses, type ErrorPage } from './error-responses';
import type { HttpEvent, HttpResult } from './event';
import { observeRequests } from './observe';
import { securityHeaders } from './security-headers';
import { requireStaff } from './staff-auth';

export type RouteHandler = (event: HttpEvent) => Promise<HttpResult> | HttpResult;

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Open to anyone; otherwise only signed-in staff reach the handler. */
  public?: boolean;
  handler: RouteHandler;
}

export interface RouterOptions {
  kind: 'page' | 'json';
  body?: BodyKind;
  /** Required for pages; JSON functions answer refusals in JSON. */
  errorPage?: ErrorPage;
}

/**
 * One Lambda handler for a few closely related routes, with the cross-cutting concerns added once:
 * logging context and metrics outermost, then security headers, then error mapping, then body
 * parsing; then, inside the router, the staff check for every route that is not public.
 */
export function httpRouter(options: RouterOptions & { routes: HttpRoute[] }) {
  const guarded = options.routes.map((route) => ({
    method: route.method,
    path: route.path,
    handler: route.public
      ? route.handler
      : async (event: HttpEvent) => {
          await requireStaff(options.kind, event);
          return route.handler(event);
        },
  }));
  const router = httpRouterHandler({ routes: guarded } as unknown as Parameters<typeof httpRouterHandler>[0]);
  const handler = middy<HttpEvent, HttpResult>().use(observeRequests()).use(securityHeaders()).use(errorResponses(options.kind, options.errorPage));
  if (options.body) handler.use(bodyParser(options.body));
  return handler.handler(router as unknown as Parameters<typeof handler.handler>[0]);
}

/**
 * The handler of one function in the route table: it must serve exactly the table's routes for
 * that function (the type says which), and each route is public only if the table says so.
 */
export function functionHandler<F extends FunctionName>(
  functionName: F,
  options: RouterOptions & { routes: Record<RouteKeyOf<F>, RouteHandler> },
) {
  const served = options.routes as Record<string, RouteHandler>;
  const routes: HttpRoute[] = routeTable
    .filter((route) => route.function === functionName)
    .map((route) => ({
      method: route.method,
      path: route.path,
      public: 'public' in route && route.public === true,
      handler: served[`${route.method} ${route.path}`]!,
    }));
  return httpRouter({ ...options, routes });
}

import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { html } from '@pip/html';
import { audienceOf, routes as routeTable, type FunctionName, type RouteAudience, type RouteKeyOf } from '../routes';
import { bodyParser, type BodyKind } from './body-parser';
import { errorResponses, type ErrorPage } from './error-responses';
import type { HttpEvent, HttpResult } from './event';
import { observeRequests } from './observe';
import { htmlResponse, jsonResponse } from './responses';
import { securityHeaders } from './security-headers';
import { NotForThisGroupError, requireSignedIn } from './staff-auth';

export type RouteHandler = (event: HttpEvent) => Promise<HttpResult> | HttpResult;

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Open to anyone; otherwise only signed-in staff reach the handler (or the reference group, by `for`). */
  public?: boolean;
  /** A signed-in route for the reference group (who are refused every other); staff unless it says so. */
  for?: Exclude<RouteAudience, 'anyone' | 'staff'>;
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
 * parsing; then, inside the router, the sign-in check for every route that is not public: staff
 * only, unless the route says it is for the reference group.
 */
export function httpRouter(options: RouterOptions & { routes: HttpRoute[] }) {
  const guarded = options.routes.map((route) => ({
    method: route.method,
    path: route.path,
    handler: route.public
      ? route.handler
      : async (event: HttpEvent) => {
          try {
            await requireSignedIn(options.kind, event, route.for ?? 'staff');
          } catch (error) {
            if (error instanceof NotForThisGroupError) return refusedGroup(options, error);
            throw error;
          }
          return route.handler(event);
        },
  }));
  const router = httpRouterHandler({ routes: guarded } as unknown as Parameters<typeof httpRouterHandler>[0]);
  const handler = middy<HttpEvent, HttpResult>().use(observeRequests()).use(securityHeaders()).use(errorResponses(options.kind, options.errorPage));
  if (options.body) handler.use(bodyParser(options.body));
  return handler.handler(router as unknown as Parameters<typeof handler.handler>[0]);
}

/**
 * A signed-in person on a route not for their group: the page says whose it is and, for a member of
 * the reference group, leads to their own pages rather than back to a staff page that refuses them too.
 */
function refusedGroup(options: RouterOptions, error: NotForThisGroupError): HttpResult {
  if (options.kind === 'json' || !options.errorPage) return jsonResponse(403, { message: error.message });
  const onward =
    error.home === '/reference'
      ? html`<a class="govuk-link" href="/reference">Go to the reference group’s pages</a>`
      : html`<a class="govuk-link" href="/apply">See the areas open for applications</a>`;
  return htmlResponse(403, options.errorPage(error.title, [error.message, onward]));
}

/**
 * The handler of one function in the route table: it must serve exactly the table's routes for
 * that function (the type says which), and each route is public, or for the reference group, only if the table says so.
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
      public: audienceOf(route) === 'anyone',
      ...(audienceOf(route) === 'reference-group' ? { for: 'reference-group' as const } : {}),
      handler: served[`${route.method} ${route.path}`]!,
    }));
  return httpRouter({ ...options, routes });
}

import { messagePage } from '../../pages/layout';
import { functionHandler, type RouteHandler } from '../../kit/http-handler';
import type { FunctionName, RouteKeyOf } from '../../routes';

/** A function of GOV.UK pages and the forms they post, with its routes as the route table lists them. */
export function pageHandler<F extends FunctionName>(functionName: F, routes: Record<RouteKeyOf<F>, RouteHandler>) {
  return functionHandler(functionName, { kind: 'page', body: 'form', errorPage: messagePage, routes });
}

/** A function that answers in JSON. */
export function jsonHandler<F extends FunctionName>(functionName: F, routes: Record<RouteKeyOf<F>, RouteHandler>, options: { body?: 'json' } = {}) {
  return functionHandler(functionName, { kind: 'json', ...options, routes });
}

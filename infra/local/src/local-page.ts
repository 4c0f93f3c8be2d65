import { httpRouter, type RouteHandler } from '@pip/functions/kit/http-handler';
import { messagePage } from '@pip/functions/pages/layout';

/** A page only the local platform serves, open to anyone, with the form it posts to itself. */
export function localPage(path: string, show: RouteHandler, post: RouteHandler) {
  return httpRouter({
    kind: 'page',
    body: 'form',
    errorPage: messagePage,
    routes: [
      { method: 'GET', public: true, path, handler: show },
      { method: 'POST', public: true, path, handler: post },
    ],
  });
}

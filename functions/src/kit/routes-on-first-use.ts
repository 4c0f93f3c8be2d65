import type { RouteHandler } from './http-handler';

/** The names of a module's exports that are route handlers. */
type HandlerNames<M> = { [K in keyof M]: M[K] extends RouteHandler ? K : never }[keyof M];

/** Loads once; a failed load is tried again on the next request rather than remembered. */
function once<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * A module of route handlers loaded with `import()` on the first request to one of its routes: a
 * cold start evaluates the router and the one route it serves, not every page of the function (and
 * the bundler splits each such module, with what only it uses, into its own file). `route(name)`
 * is the handler the module exports under that name.
 */
export function onFirstUse<M>(load: () => Promise<M>): { route(name: HandlerNames<M>): RouteHandler } {
  const loaded = once(load);
  return {
    route: (name) => async (event) => ((await loaded())[name] as RouteHandler)(event),
  };
}

/**
 * The routes of a module that exports them as one map, loaded on the first request to any of them.
 * The keys are listed here because the router needs them before the module is loaded; the types
 * hold them to the map's.
 */
export function routeMapOnFirstUse<K extends string>(keys: readonly K[], load: () => Promise<Record<K, RouteHandler>>): Record<K, RouteHandler> {
  const loaded = once(load);
  return Object.fromEntries(keys.map((key) => [key, async (event: Parameters<RouteHandler>[0]) => (await loaded())[key](event)])) as Record<K, RouteHandler>;
}

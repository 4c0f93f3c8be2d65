import { describe, expect, it } from 'vitest';
import { audienceOf, platformFunctions, routes, type Route } from '@pip/functions/routes';
import { routeMatcher } from '../../infra/local/src/route-matcher';

describe('route table', () => {
  it('names only functions that exist, and every route once', () => {
    const names = new Set(platformFunctions.map((fn) => fn.name));
    for (const route of routes) expect(names).toContain(route.function);
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('grants access route by route: staff only with no word, anyone only if public, the reference group only under /reference', () => {
    expect(audienceOf({ method: 'GET', path: '/staff/x', function: 'f' })).toBe('staff');
    expect(audienceOf({ method: 'GET', path: '/x', function: 'f', public: true })).toBe('anyone');
    expect(audienceOf({ method: 'GET', path: '/reference/x', function: 'f', for: 'reference-group' })).toBe('reference-group');
    for (const route of routes as readonly Route[]) {
      expect(Boolean(route.public && route.for), `${route.method} ${route.path} is both public and for a group`).toBe(false);
      const underReference = route.path === '/reference' || route.path.startsWith('/reference/');
      expect(audienceOf(route) === 'reference-group', `${route.method} ${route.path}`).toBe(underReference);
    }
    // Read-only: the group's function may read the table and nothing more.
    expect(platformFunctions.find((fn) => fn.name === 'reference-group-pages')?.access).toEqual({ table: ['read'] });
    expect(routes.filter((route) => route.function === 'reference-group-pages').every((route) => audienceOf(route) === 'reference-group')).toBe(true);
  });

  it('is matched locally as API Gateway matches it', () => {
    const match = routeMatcher(routes);
    expect(match('GET', '/apply')?.routeKey).toBe('GET /apply');
    expect(match('POST', '/apply/leeds')).toMatchObject({ routeKey: 'POST /apply/{areaId}', pathParameters: { areaId: 'leeds' } });
    expect(routeMatcher([{ method: 'GET', path: '/files/{proxy+}', function: 'files' }])('GET', '/files/fonts/bold.woff2')).toMatchObject({
      pathParameters: { proxy: 'fonts/bold.woff2' },
    });
    // GOV.UK Frontend's files are no function's: CloudFront serves /assets/* from the bucket (locally, the server before any route).
    expect(match('GET', '/assets/0123456789ab/fonts/bold.woff2')).toBeUndefined();
    expect(match('DELETE', '/apply/leeds')).toBeUndefined();
    expect(match('GET', '/apply/leeds/extra')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { platformFunctions, routes } from '@pip/functions/routes';
import { routeMatcher } from '../../infra/local/src/route-matcher';

describe('route table', () => {
  it('names only functions that exist, and every route once', () => {
    const names = new Set(platformFunctions.map((fn) => fn.name));
    for (const route of routes) expect(names).toContain(route.function);
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is matched locally as API Gateway matches it', () => {
    const match = routeMatcher(routes);
    expect(match('GET', '/apply')?.routeKey).toBe('GET /apply');
    expect(match('POST', '/apply/leeds')).toMatchObject({ routeKey: 'POST /apply/{areaId}', pathParameters: { areaId: 'leeds' } });
    expect(match('GET', '/assets/fonts/bold.woff2')).toMatchObject({ pathParameters: { proxy: 'fonts/bold.woff2' } });
    expect(match('DELETE', '/apply/leeds')).toBeUndefined();
    expect(match('GET', '/apply/leeds/extra')).toBeUndefined();
  });
});

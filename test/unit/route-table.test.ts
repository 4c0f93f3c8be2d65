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
    expect(routeMatcher([{ method: 'GET', path: '/files/{proxy+}', function: 'files' }])('GET', '/files/fonts/bold.woff2')).toMatchObject({
      pathParameters: { proxy: 'fonts/bold.woff2' },
    });
    // GOV.UK Frontend's files are no function's: CloudFront serves /assets/* from the bucket (locally, the server before any route).
    expect(match('GET', '/assets/0123456789ab/fonts/bold.woff2')).toBeUndefined();
    expect(match('DELETE', '/apply/leeds')).toBeUndefined();
    expect(match('GET', '/apply/leeds/extra')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { freePort } from '@pip/local';
import { startHttpServer } from '../../infra/local/src/http-server';

describe('the local platform while it starts', () => {
  it('answers "starting" with 503 until everything has started, then serves the routes', async () => {
    const { server, port, ready } = await startHttpServer({ port: await freePort() });
    try {
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('2');
      expect(await health.json()).toEqual({ status: 'starting' });
      const page = await fetch(`http://127.0.0.1:${port}/apply`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('The platform is starting');

      ready();
      const privacy = await fetch(`http://127.0.0.1:${port}/privacy`);
      expect(privacy.status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import { jsonResponse } from '../kit/responses';
import { platformPorts } from '../composition-root';
import { jsonHandler } from './shared/page-handler';

/** Whether the table and the email service answer: 200 when both do, 503 saying which does not. */
export const handler = jsonHandler('health', {
  'GET /health': async () => {
    const { health } = platformPorts();
    const [table, email] = await Promise.all([health.table(), health.email()]);
    if (table && email) return jsonResponse(200, { status: 'ok' });
    return jsonResponse(503, {
      status: 'unavailable',
      checks: { table: table ? 'ok' : 'unavailable', email: email ? 'ok' : 'unavailable' },
    });
  },
});

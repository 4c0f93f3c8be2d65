import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { emailServiceAnswers } from '@pip/mail/email-health';
import { httpHandler } from '../kit/http-handler';
import { jsonResponse } from '../kit/responses';
import { getPlatform } from '../wiring';

async function tableAnswers(): Promise<boolean> {
  const { documents, tableName } = getPlatform();
  try {
    await documents.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch {
    return false;
  }
}

export const handler = httpHandler({
  kind: 'json',
  access: 'public',
  routes: [
    {
      method: 'GET',
      path: '/health',
      handler: async () => {
        const [table, email] = await Promise.all([tableAnswers(), emailServiceAnswers(getPlatform().emailConfig)]);
        if (table && email) return jsonResponse(200, { status: 'ok' });
        return jsonResponse(503, {
          status: 'unavailable',
          checks: { table: table ? 'ok' : 'unavailable', email: email ? 'ok' : 'unavailable' },
        });
      },
    },
  ],
});

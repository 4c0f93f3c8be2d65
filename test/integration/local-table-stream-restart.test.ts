import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureTable } from '@pip/storage';
import { startLocalTableStream } from '../../infra/local/src/local-table-stream';

/*
 * The local table stream after its platform was killed: Lambda's event source mapping reads on from
 * its checkpoint, so a record written while no reader ran (or read and never acted on) is still
 * offered once a reader starts again. Locally the reader started from the latest record, and such a
 * record (an approval's announcement, say) was never acted on.
 */
const endpoint = inject('dynamoEndpoint');
const region = 'eu-west-2';
const tableName = `pip-stream-restart-${randomUUID().slice(0, 8)}`;
const client = new DynamoDBClient({ endpoint, region });
const filters = [{ dynamodb: { NewImage: { type: { S: ['stream-test-note'] } } } }];

beforeAll(async () => ensureTable(client, tableName));
afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
  client.destroy();
});

const note = (id: string) =>
  client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: `NOTE#${id}` }, sk: { S: 'NOTE' }, type: { S: 'stream-test-note' }, noteId: { S: id } } }));

function reader() {
  const seen: string[] = [];
  const started = startLocalTableStream({
    endpoint,
    region,
    tableName,
    filters,
    invoke: async (event) => {
      for (const record of event.Records as { dynamodb: { NewImage: { noteId: { S: string } } } }[]) seen.push(record.dynamodb.NewImage.noteId.S);
    },
  });
  return { seen, started };
}

describe('the local table stream, started again', () => {
  it('offers the records written while no reader ran, and not those already acted on', async () => {
    const first = reader();
    const stream = await first.started;
    await note('before-the-kill');
    await stream.settled();
    await stream.stop();
    expect(first.seen).toEqual(['before-the-kill']);

    await note('while-down');
    const second = reader();
    const again = await second.started;
    await note('after-the-restart');
    await again.settled();
    await again.stop();
    expect(second.seen).toEqual(['while-down', 'after-the-restart']);
  }, 120_000);
});

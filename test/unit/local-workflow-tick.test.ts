import { describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LocalAreaWorkflow, type WorkflowDefinition } from '../../infra/local/src/local-area-workflow';

/** A wait until a fixed date, then the end: the smallest execution that needs the clock. */
const definition: WorkflowDefinition = {
  StartAt: 'Plan',
  States: {
    Plan: { Type: 'Pass', Result: '2030-01-01T00:00:00.000Z', ResultPath: '$.until', Next: 'Hold' },
    Hold: { Type: 'Wait', TimestampPath: '$.until', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

/** The execution records in memory, counting the reads of each area's record. */
function recordsTable() {
  const items = new Map<string, Record<string, unknown>>();
  const reads: string[] = [];
  const documents = {
    send: async (command: { constructor: { name: string }; input: { Key?: { pk: string; sk: string }; Item?: Record<string, unknown> } }) => {
      if (command.constructor.name === 'GetCommand') {
        const { pk, sk } = command.input.Key!;
        reads.push(pk);
        return { Item: items.get(`${pk}|${sk}`) };
      }
      if (command.constructor.name === 'PutCommand') {
        const item = command.input.Item!;
        items.set(`${String(item.pk)}|${String(item.sk)}`, item);
        return {};
      }
      throw new Error(`not expected here: ${command.constructor.name}`);
    },
  };
  return { documents: documents as unknown as DynamoDBDocumentClient, items, reads };
}

describe("the local workflow's tick after a move of the clock", () => {
  it("reads an area's execution only once its wait is due, and never once it has ended", async () => {
    const table = recordsTable();
    let now = Date.parse('2029-06-01T00:00:00.000Z');
    const workflow = new LocalAreaWorkflow({ definition, functionOfTask: {}, invoke: async () => undefined, documents: table.documents, tableName: 't', now: () => new Date(now) });
    await workflow.start('north');
    await workflow.idle('north');
    expect([...table.items.values()].find((item) => item.sk === 'LOCAL-EXECUTION')).toMatchObject({ status: 'waiting', waitUntil: '2030-01-01T00:00:00.000Z' });

    table.reads.length = 0;
    await workflow.tick(['north']);
    expect(table.reads).toEqual([]);

    now = Date.parse('2030-01-02T00:00:00.000Z');
    await workflow.tick(['north']);
    await workflow.idle('north');
    expect(table.reads).toEqual(['AREA#north']);
    expect([...table.items.values()].find((item) => item.sk === 'LOCAL-EXECUTION')).toMatchObject({ status: 'succeeded' });

    table.reads.length = 0;
    await workflow.tick(['north']);
    expect(table.reads).toEqual([]);
  });

  it('reads an area it has not seen yet, as after a restart', async () => {
    const table = recordsTable();
    const workflow = new LocalAreaWorkflow({ definition, functionOfTask: {}, invoke: async () => undefined, documents: table.documents, tableName: 't', now: () => new Date('2029-06-01T00:00:00.000Z') });
    await workflow.tick(['south']);
    expect(table.reads).toEqual(['AREA#south']);
  });
});

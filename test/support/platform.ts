import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { startPlatform, type RunningPlatform } from '@pip/local';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboundEmail } from '@pip/domain';
import { DynamoAreaStore, DynamoApplicationStore, DynamoAuditStore, DynamoOutboxStore, DynamoPersonRecordsStore, DynamoSelectionStore, DynamoUnreachableAddressStore, createDocumentClient, outboxPut } from '@pip/storage';

/** The local platform on the run's shared DynamoDB Local and SES endpoint, with a table of its own. */
export async function startTestPlatform(options: { workflow?: boolean; tableName?: string; demoApplicants?: boolean; sesEndpoint?: string } = {}): Promise<RunningPlatform> {
  return startPlatform({
    dynamoEndpoint: inject('dynamoEndpoint'),
    sesEndpoint: options.sesEndpoint ?? inject('sesEndpoint'),
    tableName: options.tableName ?? `pip-test-${randomUUID().slice(0, 8)}`,
    port: 0,
    workflow: options.workflow ?? false,
    demoApplicants: options.demoApplicants ?? false,
  });
}

export interface FilePlatform {
  platform: RunningPlatform;
  stores: ReturnType<typeof storesOf>;
  /** The platform's address on 127.0.0.1, for fetch. */
  base: string;
}

/**
 * A platform of the test file's own: started before its tests, handed to `started` (which keeps what
 * it needs in the file's variables), and stopped after them with its table client.
 */
export function platformOfThisFile(started: (running: FilePlatform) => void, options: Parameters<typeof startTestPlatform>[0] = {}): void {
  let running: FilePlatform | undefined;
  beforeAll(async () => {
    const platform = await startTestPlatform(options);
    running = { platform, stores: storesOf(platform), base: platform.url.replace('localhost', '127.0.0.1') };
    started(running);
  });
  afterAll(async () => {
    running?.stores.documents.destroy();
    await running?.platform.stop();
  });
}

/** Direct access to what the platform stored, to check what a request did or did not leave behind. */
export function storesOf(platform: Pick<RunningPlatform, 'dynamoEndpoint' | 'tableName'>) {
  const documents = createDocumentClient({ endpoint: platform.dynamoEndpoint, region: 'eu-west-2' });
  return {
    documents,
    areas: new DynamoAreaStore(documents, platform.tableName),
    applications: new DynamoApplicationStore(documents, platform.tableName),
    outbox: new DynamoOutboxStore(documents, platform.tableName),
    unreachable: new DynamoUnreachableAddressStore(documents, platform.tableName),
    audit: new DynamoAuditStore(documents, platform.tableName),
    selections: new DynamoSelectionStore(documents, platform.tableName),
    people: new DynamoPersonRecordsStore(documents, platform.tableName),
    /**
     * An email in the outbox as one the table's stream does not send: the minute's delivery's, or the
     * test's to deliver, claim or report on itself with no stream racing it.
     */
    queueForMinuteDelivery: (email: OutboundEmail, createdAt: string) =>
      documents.send(new PutCommand(outboxPut(platform.tableName, email, createdAt, { deliverOnInsert: false }))),
  };
}

export function uniqueEmail(label: string): string {
  return `${label}.${randomUUID().slice(0, 8)}@example.org`;
}

import { PutCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog } from '@pip/domain';
import { optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/** The Put that records a decision, for the transaction that makes it: the log and the change land together. */
export function auditPut(tableName: string, entry: AuditEntry): NonNullable<PutCommandInput> {
  return {
    TableName: tableName,
    Item: { ...keys.auditEntry(entry.areaId, entry.at, entry.entryId), type: 'audit', ...entry },
    // An entry is written once and never overwritten.
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

export class DynamoAuditStore implements AuditLog {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.documents.send(new PutCommand(auditPut(this.tableName, entry)));
  }

  /** Newest first. */
  async listForArea(areaId: string): Promise<AuditEntry[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.auditOfArea(areaId), { newestFirst: true });
    return items.map(toAuditEntry);
  }
}

function toAuditEntry({ areaId, entryId, at, actor, action, summary, before, after }: Item): AuditEntry {
  return { areaId, entryId, at, actor, action, summary, ...optional({ before, after }) };
}

import { PutCommand, QueryCommand, type DynamoDBDocumentClient, type PutCommandInput, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  kindOf,
  kindsToRead,
  pageFrom,
  timelineOrderKey,
  type AuditEntry,
  type AuditLog,
  type TimelineCursor,
  type TimelineKind,
  type TimelinePage,
  type TimelineQuery,
} from '@pip/domain';
import { isLostRace } from './conditional';
import { optional, type Item } from './items';
import { keys } from './keys';
import { queryPrefix } from './query-all';

/**
 * The Put that records an entry of the area's timeline, for the transaction that makes the change
 * it records: the log and the change land together. The entry is also on gsi1 under its area and
 * kind, ordered as its own key orders it, so a timeline filtered to some kinds reads only those.
 */
export function auditPut(tableName: string, entry: AuditEntry): NonNullable<PutCommandInput> {
  const kind = kindOf(entry);
  return {
    TableName: tableName,
    Item: {
      ...keys.auditEntry(entry.areaId, entry.at, entry.entryId),
      ...keys.timelineOfKind(entry.areaId, kind, entry.at, entry.entryId),
      type: 'audit',
      ...entry,
      kind,
    },
    // An entry is written once and never overwritten.
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Entries the CSV reads at a time. */
const EXPORT_PAGE = 200;

/**
 * An area's timeline (its audit log), appended to and read a page at a time.
 *
 * Filtering by kind is a key design, not a filter: every entry is on gsi1 under `TIMELINE#<area>#<kind>`
 * with the sort key `<at>#<entryId>`, the same order as its own key `AUDIT#<at>#<entryId>`. One kind is
 * one index query; several kinds are one query each, at most a page plus one entry from each, merged
 * by that order. The whole timeline (no kind, or every kind) is read from the table itself, consistently.
 * A cursor is a position (`at`, `entryId`), so the same cursor serves any choice of kinds, and a page
 * reads at most a page and one more entry from each partition it reads.
 */
export class DynamoAuditStore implements AuditLog {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Appends the entry; the same entry again (same instant and id, as a retried step writes it) is kept once. */
  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.documents.send(new PutCommand(auditPut(this.tableName, entry)));
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }

  /** Newest first. */
  async listForArea(areaId: string): Promise<AuditEntry[]> {
    const items = await queryPrefix(this.documents, this.tableName, keys.auditOfArea(areaId), { newestFirst: true });
    return items.map(toAuditEntry);
  }

  async page(areaId: string, query: TimelineQuery): Promise<TimelinePage> {
    const kinds = kindsToRead(query.kinds);
    const wanted = query.size + 1;
    const read =
      kinds === 'all'
        ? await this.readLog(areaId, query.from, wanted)
        : inOrderOfTravel((await Promise.all(kinds.map((kind) => this.readKind(areaId, kind, query.from, wanted)))).flat(), query.from).slice(0, wanted);
    return pageFrom(read, query);
  }

  async *pages(areaId: string, kinds?: readonly TimelineKind[]): AsyncIterable<AuditEntry[]> {
    let from: TimelineCursor | undefined;
    do {
      const page = await this.page(areaId, { ...(kinds ? { kinds } : {}), ...(from ? { from } : {}), size: EXPORT_PAGE });
      if (page.entries.length > 0) yield page.entries;
      from = page.older ? { direction: 'older', ...page.older } : undefined;
    } while (from);
  }

  /** Up to `limit` entries of the whole log past the cursor, in the order of travel, read from the table. */
  private async readLog(areaId: string, from: TimelineCursor | undefined, limit: number): Promise<AuditEntry[]> {
    const { pk, skPrefix } = keys.auditOfArea(areaId);
    const base = { TableName: this.tableName, ConsistentRead: true };
    if (!from) {
      return this.readUpTo(
        { ...base, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix }, ScanIndexForward: false },
        limit,
      );
    }
    // BETWEEN takes both ends; the cursor's own entry, if it is read, is left out.
    const at = keys.auditEntry(areaId, from.at, from.entryId).sk;
    const [low, high] = from.direction === 'older' ? [skPrefix, at] : [at, `${skPrefix}\uffff`];
    const read = await this.readUpTo(
      {
        ...base,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
        ExpressionAttributeValues: { ':pk': pk, ':low': low, ':high': high },
        ScanIndexForward: from.direction === 'newer',
      },
      limit + 1,
    );
    return read.filter((entry) => entry.entryId !== from.entryId || entry.at !== from.at).slice(0, limit);
  }

  /** Up to `limit` entries of one kind past the cursor, in the order of travel, read from the kind's index partition. */
  private async readKind(areaId: string, kind: TimelineKind, from: TimelineCursor | undefined, limit: number): Promise<AuditEntry[]> {
    const { gsi1pk } = keys.timelineKindOf(areaId, kind);
    const past = from ? keys.timelineOfKind(areaId, kind, from.at, from.entryId).gsi1sk : undefined;
    return this.readUpTo(
      {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: past === undefined ? 'gsi1pk = :kind' : `gsi1pk = :kind AND gsi1sk ${from?.direction === 'newer' ? '>' : '<'} :past`,
        ExpressionAttributeValues: { ':kind': gsi1pk, ...(past === undefined ? {} : { ':past': past }) },
        ScanIndexForward: from?.direction === 'newer',
      },
      limit,
    );
  }

  /** Follows the query's pages (each at most 1 MB) until `limit` items are read or there are no more. */
  private async readUpTo(input: QueryCommandInput, limit: number): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(new QueryCommand({ ...input, Limit: limit - entries.length, ExclusiveStartKey: startKey }));
      entries.push(...(page.Items ?? []).map(toAuditEntry));
      startKey = page.LastEvaluatedKey;
    } while (startKey && entries.length < limit);
    return entries;
  }
}

/** Entries read from several kinds, in the order of travel: newest first, or oldest first going newer. */
function inOrderOfTravel(entries: AuditEntry[], from: TimelineCursor | undefined): AuditEntry[] {
  const sign = from?.direction === 'newer' ? 1 : -1;
  return entries.sort((a, b) => sign * (timelineOrderKey(a) < timelineOrderKey(b) ? -1 : timelineOrderKey(a) > timelineOrderKey(b) ? 1 : 0));
}

function toAuditEntry({ areaId, entryId, at, actor, action, summary, before, after, kind, subjects }: Item): AuditEntry {
  return { areaId, entryId, at, actor, action, summary, ...optional({ before, after, kind, subjects }) };
}

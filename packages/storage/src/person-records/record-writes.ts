import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RemovalCounts } from '@pip/domain';
import { unlessLostRace } from '../conditional';
import { getItem, type Item } from '../items';
import { tableSchema } from '../table-schema';
import { KEY_ATTRIBUTES, type PersonTable } from './person-table';
import type { Redaction } from './redaction';

// The writes of an erasure and a retention pass, each conditional on what was read: a person editing meanwhile is never overwritten.

/** How many times a write read again after losing a race tries before giving up. */
export const WRITE_TRIES = 4;

/**
 * Rewrites an item as `change` makes it from what is stored, compare-and-set: each changed
 * attribute only if it still holds what was read, and an item with a version only at that
 * version (raised, so a writer who read the old one tries again). Read again and retried when it
 * lost a race; nothing is written when nothing changes. The counts of what the landed write removed.
 */
export async function rewriteInPlace(table: PersonTable, item: Item, change: (current: Item) => Redaction): Promise<RemovalCounts> {
  let current: Item | undefined = item;
  for (let attempt = 1; current && attempt <= WRITE_TRIES; attempt += 1) {
    const { next, removed } = change(current);
    if (next === current) return {};
    if (await compareAndSet(table, current, next)) return removed;
    current = await getItem(table.documents, table.tableName, { pk: String(item.pk), sk: String(item.sk) });
  }
  if (current) throw new Error(`Could not rewrite ${String(item.pk)} ${String(item.sk)}: it kept changing`);
  return {};
}

function compareAndSet(table: PersonTable, current: Item, next: Item): Promise<boolean> {
  const names: Record<string, string> = { '#pk': tableSchema.partitionKey };
  const values: Record<string, unknown> = {};
  const conditions = ['attribute_exists(#pk)'];
  const sets: string[] = [];
  const removes: string[] = [];
  const changed = [...new Set([...Object.keys(current), ...Object.keys(next)])].filter(
    (name) => !KEY_ATTRIBUTES.has(name) && JSON.stringify(current[name]) !== JSON.stringify(next[name]),
  );
  changed.forEach((name, index) => {
    names[`#a${index}`] = name;
    if (current[name] === undefined) conditions.push(`attribute_not_exists(#a${index})`);
    else {
      conditions.push(`#a${index} = :old${index}`);
      values[`:old${index}`] = current[name];
    }
    if (next[name] === undefined) removes.push(`#a${index}`);
    else {
      sets.push(`#a${index} = :new${index}`);
      values[`:new${index}`] = next[name];
    }
  });
  if (typeof current.version === 'number' && !changed.includes('version')) {
    names['#version'] = 'version';
    values[':version'] = current.version;
    values[':nextVersion'] = current.version + 1;
    conditions.push('#version = :version');
    sets.push('#version = :nextVersion');
  }
  return unlessLostRace(
    table.documents.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { pk: String(current.pk), sk: String(current.sk) },
        UpdateExpression: [sets.length > 0 ? `SET ${sets.join(', ')}` : '', removes.length > 0 ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim(),
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
      }),
    ),
  );
}

/** Deletes an item if it is still there: true when this call removed it. */
export function remove(table: PersonTable, item: Item): Promise<boolean> {
  return unlessLostRace(
    table.documents.send(
      new DeleteCommand({ TableName: table.tableName, Key: { pk: String(item.pk), sk: String(item.sk) }, ConditionExpression: 'attribute_exists(pk)' }),
    ),
  );
}

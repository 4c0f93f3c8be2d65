import type { RemovalCounts } from '@pip/domain';
import type { Item } from '../items';
import { mentions, type Person } from './person-names';
import { KEY_ATTRIBUTES } from './person-table';
import { Tally } from './removal-tally';

// What an item becomes with the person erased, worked out without the table: every write of an erasure or a retention pass asks this first.

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Replaces the person's addresses by the pseudonymous address and their name by the pseudonym,
 * whatever the letter case, and only where they stand alone: `ann@x.org` is not replaced inside
 * `joann@x.org`, nor `Ann Lee` inside `Joann Lee`.
 */
function replacerFor(person: Person): (text: string) => string {
  const longestFirst = (list: readonly string[]) => [...new Set(list.map((entry) => entry.trim()).filter((entry) => entry.length > 1))].sort((a, b) => b.length - a.length);
  const rules: [RegExp, string][] = [
    ...longestFirst(person.addresses).map((address): [RegExp, string] => [new RegExp(`(?<![\\p{L}\\p{N}._%+-])${escaped(address)}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`, 'giu'), person.pseudonym.email]),
    ...longestFirst(person.names).map((name): [RegExp, string] => [new RegExp(`(?<![\\p{L}\\p{N}])${escaped(name).replace(/\s+/gu, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'), person.pseudonym.name]),
  ];
  return (text) => rules.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** The value with every string in it passed through `replace`, staff members' own records aside; the same reference when nothing changed. */
function deepReplaced<T>(value: T, replace: (text: string) => string): T {
  if (typeof value === 'string') {
    const next = replace(value);
    return (next === value ? value : next) as T;
  }
  if (Array.isArray(value)) {
    const next = value.map((entry) => deepReplaced(entry, replace));
    return (next.some((entry, index) => entry !== value[index]) ? next : value) as T;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Set)) {
    // A staff member acting (an audit entry's actor, who approved a selection) is not the person.
    if (typeof (value as { staffId?: unknown }).staffId === 'string') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    const next = entries.map(([name, entry]) => [name, deepReplaced(entry, replace)] as const);
    return (next.some(([, entry], index) => entry !== entries[index]![1]) ? Object.fromEntries(next) : value) as T;
  }
  return value;
}

const COMMENT_ACTIONS = /^Evaluation comment/u;
const REVIEW_ACTIONS = new Set(['Application reviewed', 'Review changed']);

/** An item as it should stand, and what that removed, by kind: the same item when nothing changes. */
export interface Redaction {
  next: Item;
  removed: RemovalCounts;
}

const withoutNote = (value: unknown) => (value && typeof value === 'object' && 'note' in value ? Object.fromEntries(Object.entries(value).filter(([name]) => name !== 'note')) : value);

/**
 * An item of the area as it should stand with the person erased: their review notes and evaluation
 * comment gone (scores and ratings stay), their words quoted in an audit entry gone, and every
 * mention of their name or address replaced by the pseudonym.
 */
export function redacted(item: Item, person: Person): Redaction {
  const removed = new Tally();
  let next = item;
  const own = person.applicationId !== undefined && item.applicationId === person.applicationId;
  if (own && item.type === 'review' && item.note !== undefined) {
    const { note: _note, ...rest } = next;
    next = rest;
    removed.add('reviewNote');
  }
  if (own && item.type === 'evaluation' && (item.answers?.comments !== undefined || item.commentPublishable !== undefined)) {
    const { comments: _comments, ...answers } = item.answers as Record<string, unknown>;
    const { commentPublishable: _publishable, ...rest } = next;
    next = { ...rest, answers };
    if (item.answers?.comments !== undefined) removed.add('evaluationComment');
  }
  if (item.type === 'audit') {
    const about =
      (person.applicationId !== undefined && (item.subjects as unknown[] | undefined)?.includes(person.applicationId)) ||
      mentions([item.summary, item.before, item.after], [...person.names, ...person.addresses].map((entry) => entry.toLowerCase()));
    if (about && REVIEW_ACTIONS.has(String(item.action))) {
      next = { ...next, ...(next.before === undefined ? {} : { before: withoutNote(next.before) }), ...(next.after === undefined ? {} : { after: withoutNote(next.after) }) };
    }
    if (about && COMMENT_ACTIONS.test(String(item.action))) next = { ...next, summary: String(next.summary).replace(/“[^”]*”/gu, '“(comment removed)”') };
  }
  const replace = replacerFor(person);
  let renamed = false;
  const rewritten: Item = { ...next };
  for (const [name, value] of Object.entries(next)) {
    if (KEY_ATTRIBUTES.has(name)) continue;
    const replaced = deepReplaced(value, replace);
    if (replaced !== value) {
      rewritten[name] = replaced;
      renamed = true;
    }
  }
  if (renamed) removed.add('record');
  const result = renamed ? rewritten : next;
  return { next: result === item || JSON.stringify(result) === JSON.stringify(item) ? item : result, removed: removed.result };
}

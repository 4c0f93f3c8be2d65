import { ValidationError } from './errors';
import type { AuditEntry, TimelineKind } from './staff';
import { formatUkDate, formatUkTime } from './uk-time';

/**
 * An area's timeline is its audit log: every entry, whatever its kind, in the order it happened,
 * read a page at a time, newest first.
 */

/** The kinds in the order the filter offers them. */
export const timelineKinds: readonly TimelineKind[] = ['decision', 'form', 'workflow', 'email', 'retention', 'erasure'];

/** A kind as staff read it: the tag in the What column, the filter's checkbox, the CSV's column. */
export const timelineKindNames: Record<TimelineKind, string> = {
  decision: 'Decision',
  form: 'Form',
  workflow: 'Workflow',
  email: 'Email',
  retention: 'Retention',
  erasure: 'Erasure',
};

export const timelineRules = {
  /** Entries on one page of the timeline. */
  pageSize: 50,
} as const;

/** Entries written before kinds existed were all decisions. */
export const kindOf = (entry: Pick<AuditEntry, 'kind'>): TimelineKind => entry.kind ?? 'decision';

export const isTimelineKind = (text: string): text is TimelineKind => (timelineKinds as readonly string[]).includes(text);

/** "26 November 2026 at 2:05pm": the timeline's own order of words, day first, since it is read down a column of days. */
export function formatTimelineTime(instant: string): string {
  return `${formatUkDate(instant)} at ${formatUkTime(instant)}`;
}

/**
 * Where an entry stands in the timeline: its instant, then its id for entries of the same instant.
 * Entries are ordered by `at#entryId`, as the table keys them.
 */
export interface TimelinePosition {
  at: string;
  entryId: string;
}

export const positionOf = (entry: Pick<AuditEntry, 'at' | 'entryId'>): TimelinePosition => ({ at: entry.at, entryId: entry.entryId });

/** The order key of a position: a later entry's is greater. */
export const timelineOrderKey = (position: TimelinePosition): string => `${position.at}#${position.entryId}`;

/**
 * A page of the timeline is asked for from a position: the entries older than it (the "Older" link),
 * or newer than it (the "Newer" link). No cursor is the newest page.
 */
export interface TimelineCursor extends TimelinePosition {
  direction: 'older' | 'newer';
}

/** What a page asks of the log: which kinds (none or all: every entry), from where, how many. */
export interface TimelineQuery {
  kinds?: readonly TimelineKind[];
  from?: TimelineCursor;
  size: number;
}

/** One page, newest first, with where the pages next to it start if there are any. */
export interface TimelinePage {
  entries: AuditEntry[];
  /** The first entry shown, when there are newer ones than it (the "Newer" link asks for those). */
  newer?: TimelinePosition;
  /** The last entry shown, when there are older ones (the "Older" link asks for those). */
  older?: TimelinePosition;
}

/** The kinds a query reads: none asked, or every one, is the whole log. */
export function kindsToRead(kinds: readonly TimelineKind[] | undefined): readonly TimelineKind[] | 'all' {
  const wanted = timelineKinds.filter((kind) => kinds?.includes(kind));
  return wanted.length === 0 || wanted.length === timelineKinds.length ? 'all' : wanted;
}

/**
 * Cuts a page from the entries read past the cursor in its direction, one more than a page asked
 * for so that the page knows whether more lie beyond it. `read` is in the order read: newest first
 * going older (or with no cursor), oldest first going newer.
 */
export function pageFrom(read: readonly AuditEntry[], query: TimelineQuery): TimelinePage {
  const more = read.length > query.size;
  const taken = read.slice(0, query.size);
  const from = query.from;
  if (from?.direction === 'newer') {
    const entries = [...taken].reverse();
    const first = entries[0];
    const last = entries.at(-1);
    return {
      entries,
      ...(more && first ? { newer: positionOf(first) } : {}),
      // Going newer, the page it came from lies beyond its oldest entry.
      older: last ? positionOf(last) : positionOf(from),
    };
  }
  const first = taken[0];
  const last = taken.at(-1);
  return {
    entries: taken,
    ...(from ? { newer: first ? positionOf(first) : positionOf(from) } : {}),
    ...(more && last ? { older: positionOf(last) } : {}),
  };
}

const CURSOR_PROBLEM = 'This link to a page of the timeline is not valid. Go back to the newest entries and page from there.';
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/u;
/** Entry ids are random UUIDs, or made of an event and an email's message id (`email-sent-<message id>`): printable, at most 300 characters. */
const ENTRY_ID = /^[^\u0000-\u001f#]{1,300}$/u;
const LONGEST_CURSOR = 600;

/**
 * A cursor as the page's links carry it: opaque to the person, base64url of a small JSON object, so
 * nothing in the address invites editing. `o`/`n` is the direction.
 */
export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify({ d: cursor.direction === 'older' ? 'o' : 'n', at: cursor.at, id: cursor.entryId }), 'utf8').toString('base64url');
}

/** The cursor a link carried, or a field-level refusal (never a stack trace) when it is not one this page made. */
export function decodeTimelineCursor(text: string): TimelineCursor {
  const refuse = () => ValidationError.of('cursor', CURSOR_PROBLEM);
  if (text.length === 0 || text.length > LONGEST_CURSOR || !/^[A-Za-z0-9_-]+$/u.test(text)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw refuse();
  const { d, at, id, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw refuse();
  if (d !== 'o' && d !== 'n') throw refuse();
  if (typeof at !== 'string' || !INSTANT.test(at) || Number.isNaN(Date.parse(at))) throw refuse();
  if (typeof id !== 'string' || !ENTRY_ID.test(id)) throw refuse();
  return { direction: d === 'o' ? 'older' : 'newer', at, entryId: id };
}

/**
 * The kinds a filter asked for, from its checkboxes (`kind=form&kind=email`, which API Gateway
 * hands on as `form,email`); a kind the timeline does not have is a field-level refusal.
 */
export function parseTimelineKinds(asked: string | undefined): TimelineKind[] {
  const names = (asked ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isTimelineKind(name));
  if (unknown.length > 0) throw ValidationError.of('kind', `Choose kinds of entry from the list: ${timelineKinds.map((kind) => timelineKindNames[kind].toLowerCase()).join(', ')}`);
  return timelineKinds.filter((kind) => names.includes(kind));
}

/** What became of an email, as the area's timeline records it. */
export type EmailEvent = 'sent' | 'given-up' | 'expired' | 'delivered' | 'bounced' | 'complained';

const emailEventActions: Record<EmailEvent, string> = {
  sent: 'Email sent',
  'given-up': 'Email not sent: given up',
  expired: 'Email not sent: its moment passed',
  delivered: 'Email delivered',
  bounced: 'Email bounced',
  complained: 'Email reported as spam',
};

/** Who did it: the platform sends; what became of an email after that, the email service reports. */
const emailEventActors: Record<EmailEvent, string> = {
  sent: 'The platform',
  'given-up': 'The platform',
  expired: 'The platform',
  delivered: 'The email service',
  bounced: 'The email service',
  complained: 'The email service',
};

/**
 * The timeline's entry for what became of an area's email, or none for an email about no area. It
 * names the email by its subject line and its person by application reference, never by address,
 * and leaves out the email service's words (which may quote the address). Its id is made from the
 * email and the event, so a report the email service sends twice is recorded once.
 */
export function emailTimelineEntry(
  email: { messageId: string; subject: string; areaId?: string; applicationId?: string },
  event: EmailEvent,
  at: string,
  attempts?: number,
): AuditEntry | undefined {
  if (!email.areaId || Number.isNaN(Date.parse(at))) return undefined;
  const tries = event === 'given-up' && attempts ? ` after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}` : '';
  return {
    areaId: email.areaId,
    entryId: `email-${event}-${email.messageId}`.slice(0, 300),
    at: new Date(at).toISOString(),
    actor: { name: emailEventActors[event] },
    action: emailEventActions[event],
    // An email whose wording the retention schedule has removed is still named, by what it was.
    summary: `${email.subject ? `“${email.subject}”` : 'An email whose wording has since been removed'}${tries}.`,
    kind: 'email',
    ...(email.applicationId ? { subjects: [email.applicationId] } : {}),
  };
}

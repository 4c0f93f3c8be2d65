import { randomUUID } from 'node:crypto';
import type { Actor, AuditEntry, Clock, TimelineKind } from '@pip/domain';

/** What a timeline entry says, beyond its area and when. */
export interface TimelineEntryOf {
  kind: TimelineKind;
  actor: Actor;
  action: string;
  /** Never a person's name or address: the people it is about are its `subjects`, named when the page is drawn. */
  summary: string;
  /** The application references of the people the entry is about. */
  subjects?: readonly (string | undefined)[];
  /** When it happened, if not now (a stage the workflow noticed late). */
  at?: string;
  /** An id made from what happened, so that a step run twice records it once; a random one otherwise. */
  entryId?: string;
}

/** A new entry for an area's timeline, of any kind but a staff decision (those are `auditEntry`'s). */
export function timelineEntry(clock: Clock, areaId: string, what: TimelineEntryOf): AuditEntry {
  const subjects = (what.subjects ?? []).filter((subject): subject is string => Boolean(subject));
  return {
    areaId,
    entryId: what.entryId ?? randomUUID(),
    at: new Date(what.at ?? clock.now()).toISOString(),
    actor: what.actor,
    action: what.action,
    summary: what.summary,
    kind: what.kind,
    ...(subjects.length > 0 ? { subjects } : {}),
  };
}

/** Who sent a form through an emailed link or a public page: a role, not a name, since the entry is kept for the programme's life. */
export const formSenders = {
  applicant: { name: 'The applicant' },
  participant: { name: 'The participant' },
  partner: (organisation: string): Actor => ({ name: `A partner: ${organisation}` }),
} as const;

/** The area's workflow, as the actor of its own steps. */
export const areaWorkflow: Actor = { name: 'The area workflow' };

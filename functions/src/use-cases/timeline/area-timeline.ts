import {
  applicantLabel,
  formatTimelineTime,
  kindOf,
  timelineKindNames,
  timelineRules,
  type Area,
  type AuditEntry,
  type Ports,
  type TimelineCursor,
  type TimelineKind,
  type TimelinePage,
} from '@pip/domain';

export type TimelinePorts = Pick<Ports, 'areas' | 'audit' | 'applications'>;

/** Names an application reference as the application names its person now: a person erased since shows as their pseudonym. */
export type NameOf = (applicationId: string) => string;

export interface AreaTimeline {
  area: Area;
  /** The kinds shown: none is every kind. */
  kinds: readonly TimelineKind[];
  page: TimelinePage;
  nameOf: NameOf;
}

async function namesIn(ports: TimelinePorts, areaId: string): Promise<NameOf> {
  const applications = await ports.applications.listForArea(areaId);
  const names = new Map(applications.map((application) => [application.applicationId, applicantLabel(application)]));
  return (applicationId) => names.get(applicationId) ?? applicationId;
}

/** One page of an area's timeline, newest first, of the kinds asked for, from where a "Newer" or "Older" link left off. */
export async function areaTimeline(ports: TimelinePorts, areaId: string, asked: { kinds: readonly TimelineKind[]; from?: TimelineCursor }): Promise<AreaTimeline> {
  // Every read is keyed by the area: none waits for the area itself.
  const [area, page, nameOf] = await Promise.all([
    ports.areas.existing(areaId),
    ports.audit.page(areaId, { kinds: asked.kinds, ...(asked.from ? { from: asked.from } : {}), size: timelineRules.pageSize }),
    namesIn(ports, areaId),
  ]);
  return { area, kinds: asked.kinds, page, nameOf };
}

const detailJson = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));

/** The people an entry is about, by name (reference). */
export const subjectNames = (entry: AuditEntry, nameOf: NameOf): string => (entry.subjects ?? []).map(nameOf).join('; ');

/**
 * The same entries as the timeline's pages, every one of the kinds asked for, newest first, as CSV
 * rows: read a page at a time, so a long timeline is never one read.
 */
export async function timelineExport(
  ports: TimelinePorts,
  areaId: string,
  kinds: readonly TimelineKind[],
): Promise<{ filename: string; header: string[]; rows: string[][] }> {
  const [area, nameOf] = await Promise.all([ports.areas.existing(areaId), namesIn(ports, areaId)]);
  const rows: string[][] = [];
  for await (const entries of ports.audit.pages(area.areaId, kinds)) {
    for (const entry of entries) {
      rows.push([
        formatTimelineTime(entry.at),
        entry.at,
        timelineKindNames[kindOf(entry)],
        entry.actor.name,
        entry.action,
        entry.summary,
        subjectNames(entry, nameOf),
        detailJson(entry.before),
        detailJson(entry.after),
        entry.entryId,
      ]);
    }
  }
  const suffix = kinds.length > 0 && kinds.length < Object.keys(timelineKindNames).length ? `-${kinds.join('-')}` : '';
  return {
    filename: `timeline-${area.areaId}${suffix}.csv`,
    header: ['When (UK time)', 'Instant (UTC)', 'Kind', 'Who', 'What', 'Summary', 'About', 'Before', 'After', 'Entry'],
    rows,
  };
}

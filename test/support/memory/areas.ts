import {
  NotFoundError,
  kindOf,
  kindsToRead,
  pageFrom,
  timelineOrderKey,
  type Area,
  type AreaProgress,
  type AreaProgressStore,
  type AreaStore,
  type AuditEntry,
  type AuditLog,
  type RecruitmentWindow,
  type TimelineCursor,
  type TimelineKind,
  type TimelinePage,
  type TimelineQuery,
} from '@pip/domain';
import { OneRowEach, Rows, inKeyOrder } from './rows';

/** The audit log. Stores that write a change with its entry share one, as they share the table. */
export class MemoryAudit implements AuditLog {
  /** Every entry, in the order recorded. */
  readonly entries: AuditEntry[] = [];

  /** The table refuses a second entry under the same key, so the write carrying it fails. */
  holds(entry: AuditEntry): boolean {
    return this.entries.some((held) => held.areaId === entry.areaId && held.at === entry.at && held.entryId === entry.entryId);
  }

  /** The same entry again (a retried step) is kept once, as the table keeps it. */
  async record(entry: AuditEntry): Promise<void> {
    if (this.holds(entry)) return;
    this.entries.push(structuredClone(entry));
  }

  /** Newest first, as the area's audit page reads it. */
  async listForArea(areaId: string): Promise<AuditEntry[]> {
    return structuredClone(this.entries.filter((entry) => entry.areaId === areaId).sort((a, b) => inKeyOrder(timelineOrderKey(b), timelineOrderKey(a))));
  }

  /** As the table reads it: the entries of the kinds asked for past the cursor, a page and one more, in the order of travel. */
  async page(areaId: string, query: TimelineQuery): Promise<TimelinePage> {
    const kinds = kindsToRead(query.kinds);
    const newestFirst = (await this.listForArea(areaId)).filter((entry) => kinds === 'all' || kinds.includes(kindOf(entry)));
    const from = query.from;
    const past = from
      ? from.direction === 'newer'
        ? [...newestFirst].reverse().filter((entry) => timelineOrderKey(entry) > timelineOrderKey(from))
        : newestFirst.filter((entry) => timelineOrderKey(entry) < timelineOrderKey(from))
      : newestFirst;
    return pageFrom(past.slice(0, query.size + 1), query);
  }

  async *pages(areaId: string, kinds?: readonly TimelineKind[]): AsyncIterable<AuditEntry[]> {
    let from: TimelineCursor | undefined;
    do {
      const page = await this.page(areaId, { ...(kinds ? { kinds } : {}), ...(from ? { from } : {}), size: 200 });
      if (page.entries.length > 0) yield page.entries;
      from = page.older ? { direction: 'older', ...page.older } : undefined;
    } while (from);
  }
}

export class MemoryAreas implements AreaStore {
  readonly byId = new Rows<Area>();

  constructor(
    areas: readonly Area[] = [],
    private readonly audit = new MemoryAudit(),
  ) {
    for (const area of areas) this.byId.write(area.areaId, area);
  }

  async get(areaId: string): Promise<Area | undefined> {
    return this.byId.read(areaId);
  }

  async existing(areaId: string): Promise<Area> {
    const area = await this.get(areaId);
    if (!area) throw new NotFoundError('Area');
    return area;
  }

  /** In the order of the areas list: by region, then by name. */
  async list(): Promise<Area[]> {
    const listKey = (area: Area) => `${area.regionId}#${area.name}`;
    return [...this.byId.values()].sort((a, b) => inKeyOrder(listKey(a), listKey(b))).map((area) => structuredClone(area));
  }

  async listInRegion(regionId: string): Promise<Area[]> {
    return (await this.list()).filter((area) => area.regionId === regionId);
  }

  async add(area: Area, audit: AuditEntry): Promise<boolean> {
    if (this.audit.holds(audit) || !this.byId.add(area.areaId, area)) return false;
    await this.audit.record(audit);
    return true;
  }

  async changeWindow(areaId: string, expected: RecruitmentWindow, next: RecruitmentWindow, audit: AuditEntry): Promise<boolean> {
    const area = this.byId.read(areaId);
    if (!area || area.recruitment.opensAt !== expected.opensAt || area.recruitment.closesAt !== expected.closesAt || this.audit.holds(audit)) return false;
    this.byId.write(areaId, { ...area, recruitment: { ...next } });
    await this.audit.record(audit);
    return true;
  }
}

export class MemoryProgress extends OneRowEach<AreaProgress> implements AreaProgressStore {
  constructor(private readonly audit = new MemoryAudit()) {
    super((progress) => progress.areaId);
  }

  async getMany(areaIds: readonly string[]): Promise<Map<string, AreaProgress>> {
    return new Map(areaIds.flatMap((areaId) => (this.rows.read(areaId) ? [[areaId, this.rows.read(areaId)!] as const] : [])));
  }

  async clearFailure(areaId: string, at: string, audit: AuditEntry): Promise<boolean> {
    const progress = this.rows.get(areaId);
    if (progress?.failure?.at !== at) return false;
    const { failure: _cleared, ...rest } = progress;
    this.rows.write(areaId, rest);
    await this.audit.record(audit);
    return true;
  }
}

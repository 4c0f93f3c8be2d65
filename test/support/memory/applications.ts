import {
  applicantKey,
  type Application,
  type ApplicationEmail,
  type ApplicationStore,
  type ApplicationWrite,
  type AreaSelection,
  type AuditEntry,
  type OutboundEmail,
  type Review,
  type ReviewStore,
  type SelectionStore,
  type StaffProfile,
  type StaffStore,
} from '@pip/domain';
import { MemoryAudit } from './areas';
import { MemoryEmailAllowances } from './email-allowances';
import { MemoryOutbox } from './messages';
import { Rows, inKeyOrder, key } from './rows';

/** Applications, one per applicant and area, each written with its email (its link, its count) or not at all. */
export class MemoryApplications implements ApplicationStore {
  /** By area and applicant, as the table keys them: one application per email address, in any letter case. */
  readonly byApplicant = new Rows<Application>();
  /** Another request's application, stored just before this one's create lands: a lost race. */
  loseNextCreateTo?: Application;

  constructor(
    private readonly outbox = new MemoryOutbox(),
    applications: readonly Application[] = [],
    private readonly allowances = new MemoryEmailAllowances(),
    private readonly audit = new MemoryAudit(),
  ) {
    for (const application of applications) this.put(application);
  }

  private keyOf(application: Pick<Application, 'areaId' | 'answers'>): string {
    return key(application.areaId, applicantKey(application.answers.email));
  }

  private put(application: Application): void {
    this.byApplicant.write(this.keyOf(application), application);
  }

  async findByApplicant(areaId: string, email: string): Promise<Application | undefined> {
    return this.byApplicant.read(key(areaId, applicantKey(email)));
  }

  async findByReference(areaId: string, applicationId: string): Promise<Application | undefined> {
    return this.byApplicant.listUnder(areaId).find((application) => application.applicationId === applicationId);
  }

  async findByReferenceToShow(areaId: string, applicationId: string): Promise<Application | undefined> {
    return this.findByReference(areaId, applicationId);
  }

  async listForArea(areaId: string): Promise<Application[]> {
    return this.byApplicant.listUnder(areaId);
  }

  async create(application: Application, email: ApplicationEmail): Promise<ApplicationWrite> {
    if (this.loseNextCreateTo) this.put(this.loseNextCreateTo);
    this.loseNextCreateTo = undefined;
    if (this.byApplicant.has(this.keyOf(application))) return 'lost-race';
    return this.writeWithEmail(application, email);
  }

  async update(application: Application, expectedVersion: number, email: ApplicationEmail): Promise<ApplicationWrite> {
    if (this.byApplicant.get(this.keyOf(application))?.version !== expectedVersion) return 'lost-race';
    return this.writeWithEmail(application, email);
  }

  async moveToAddress(application: Application, previousEmail: string, expectedVersion: number, audit: AuditEntry, resent?: OutboundEmail): Promise<'written' | 'lost-race' | 'address-taken'> {
    const previousKey = key(application.areaId, applicantKey(previousEmail));
    if (this.byApplicant.get(previousKey)?.version !== expectedVersion) return 'lost-race';
    if (this.byApplicant.has(this.keyOf(application))) return 'address-taken';
    if (this.audit.holds(audit) || (resent && this.outbox.holds(resent.messageId))) return 'lost-race';
    if (resent) await this.outbox.enqueue(resent, application.updatedAt);
    await this.audit.record(audit);
    this.byApplicant.delete(previousKey);
    this.put(application);
    return 'written';
  }

  private async writeWithEmail(application: Application, { email, link, allowance, audit }: ApplicationEmail): Promise<ApplicationWrite> {
    if (this.outbox.holds(email.messageId) || (audit && this.audit.holds(audit))) return 'lost-race';
    if (allowance && !this.allowances.fits(allowance)) return 'limit-reached';
    if (!(await this.outbox.enqueue(email, application.updatedAt, link))) return 'lost-race';
    if (allowance) await this.allowances.take(allowance);
    if (audit) await this.audit.record(audit);
    this.put(application);
    return 'written';
  }
}

/** One review per reviewer and application, each written with its audit entry. */
export class MemoryReviews implements ReviewStore {
  readonly byReviewer = new Rows<Review>();

  constructor(
    private readonly audit = new MemoryAudit(),
    reviews: readonly Review[] = [],
  ) {
    for (const review of reviews) this.byReviewer.write(key(review.areaId, review.applicationId, review.staffId), review);
  }

  async save(review: Review, audit: AuditEntry): Promise<void> {
    // The review store does not treat a refused write as a lost race: the failure is thrown.
    if (this.audit.holds(audit)) throw new Error(`The audit entry ${audit.entryId} is recorded already`);
    this.byReviewer.write(key(review.areaId, review.applicationId, review.staffId), review);
    await this.audit.record(audit);
  }

  async listForArea(areaId: string): Promise<Review[]> {
    return this.byReviewer.listUnder(areaId);
  }

  async listForApplication(areaId: string, applicationId: string): Promise<Review[]> {
    return this.byReviewer.listUnder(key(areaId, applicationId));
  }
}

export class MemoryStaff implements StaffStore {
  readonly byId = new Rows<StaffProfile>();

  async record(staff: StaffProfile): Promise<void> {
    this.byId.write(staff.staffId, staff);
  }

  /** By name, as the staff list is kept. */
  async list(): Promise<StaffProfile[]> {
    return [...this.byId.values()].sort((a, b) => inKeyOrder(a.name, b.name)).map((staff) => structuredClone(staff));
  }
}

/** Each area's selection, written over the version the writer read (0: none yet) or not at all. */
export class MemorySelections implements SelectionStore {
  readonly byArea = new Rows<AreaSelection>();
  /** Runs once, just before the next write lands, as another staff member's write would. */
  beforeNextWrite?: () => void;

  constructor(
    private readonly audit = new MemoryAudit(),
    selections: readonly AreaSelection[] = [],
  ) {
    for (const selection of selections) this.byArea.write(selection.areaId, selection);
  }

  async get(areaId: string): Promise<AreaSelection | undefined> {
    return this.byArea.read(areaId);
  }

  async getMany(areaIds: readonly string[]): Promise<Map<string, AreaSelection>> {
    return new Map(areaIds.flatMap((areaId) => (this.byArea.read(areaId) ? [[areaId, this.byArea.read(areaId)!] as const] : [])));
  }

  async write(next: AreaSelection, expectedVersion: number, audit: AuditEntry): Promise<boolean> {
    const interference = this.beforeNextWrite;
    this.beforeNextWrite = undefined;
    interference?.();
    const stored = this.byArea.get(next.areaId);
    const unchanged = expectedVersion === 0 ? stored === undefined : stored?.version === expectedVersion;
    if (!unchanged || this.audit.holds(audit)) return false;
    this.byArea.write(next.areaId, next);
    await this.audit.record(audit);
    return true;
  }
}

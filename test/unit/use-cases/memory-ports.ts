import {
  NotFoundError,
  applicantKey,
  type Application,
  type ApplicationStore,
  type Area,
  type AreaSelection,
  type AreaStore,
  type AuditEntry,
  type AuditLog,
  type EmailDelivery,
  type EmailedLinkStore,
  type NewEmailedLink,
  type OutboundEmail,
  type Outbox,
  type Review,
  type ReviewStore,
  type SelectionStore,
  type StaffStep,
  type StaffStepStore,
  type AreaWorkflowControl,
} from '@pip/domain';

/**
 * Small in-memory stand-ins for the ports the selection and application use cases take: each keeps
 * what was written where a test can read it, and refuses a stale version as the table does.
 */
export class MemoryAudit implements AuditLog {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry) {
    this.entries.push(entry);
  }
  async listForArea(areaId: string) {
    return this.entries.filter((entry) => entry.areaId === areaId);
  }
}

export class MemoryAreas implements AreaStore {
  constructor(
    readonly areas: Area[],
    private readonly audit = new MemoryAudit(),
  ) {}
  async get(areaId: string) {
    return this.areas.find((area) => area.areaId === areaId);
  }
  async existing(areaId: string) {
    const area = await this.get(areaId);
    if (!area) throw new NotFoundError('Area');
    return area;
  }
  async list() {
    return [...this.areas];
  }
  async listInRegion(regionId: string) {
    return this.areas.filter((area) => area.regionId === regionId);
  }
  async add(area: Area, audit: AuditEntry) {
    if (await this.get(area.areaId)) return false;
    this.areas.push(area);
    await this.audit.record(audit);
    return true;
  }
}

/** The outbox, and the links stored with its emails; `find` opens them as the emailed-link store does. */
export class MemoryOutbox implements Outbox, EmailedLinkStore {
  readonly emails: OutboundEmail[] = [];
  readonly links = new Map<string, NewEmailedLink['link']>();
  async enqueue(email: OutboundEmail, _createdAt: string, link?: NewEmailedLink) {
    if (this.emails.some((queued) => queued.messageId === email.messageId)) return false;
    this.emails.push(email);
    if (link) this.links.set(link.token, link.link);
    return true;
  }
  async cancel(messageId: string) {
    const index = this.emails.findIndex((queued) => queued.messageId === messageId);
    if (index < 0) return false;
    this.emails.splice(index, 1);
    return true;
  }
  async find(token: string) {
    return this.links.get(token);
  }
  to(address: string) {
    return this.emails.filter((email) => email.to === address);
  }
}

export class MemoryDelivery implements EmailDelivery {
  readonly sent: string[] = [];
  async sendNow(messageId: string) {
    this.sent.push(messageId);
  }
}

/** Applications, each stored with its email in the outbox, as the table stores them in one transaction. */
export class MemoryApplications implements ApplicationStore {
  readonly byApplicant = new Map<string, Application>();
  /** Another request's application, stored just before this one's create: a lost race. */
  loseNextCreateTo?: Application;
  constructor(private readonly outbox = new MemoryOutbox()) {}

  private key(application: Pick<Application, 'areaId' | 'answers'>) {
    return `${application.areaId}#${applicantKey(application.answers.email)}`;
  }
  async findByApplicant(areaId: string, email: string) {
    return this.byApplicant.get(`${areaId}#${applicantKey(email)}`);
  }
  async listForArea(areaId: string) {
    return [...this.byApplicant.values()].filter((application) => application.areaId === areaId);
  }
  async create(application: Application, email: OutboundEmail) {
    if (this.loseNextCreateTo) {
      this.byApplicant.set(this.key(this.loseNextCreateTo), this.loseNextCreateTo);
      this.loseNextCreateTo = undefined;
    }
    if (this.byApplicant.has(this.key(application))) return false;
    this.byApplicant.set(this.key(application), application);
    await this.outbox.enqueue(email, application.submittedAt);
    return true;
  }
  async update(application: Application, expectedVersion: number, email: OutboundEmail) {
    if (this.byApplicant.get(this.key(application))?.version !== expectedVersion) return false;
    this.byApplicant.set(this.key(application), application);
    await this.outbox.enqueue(email, application.updatedAt);
    return true;
  }
}

export class MemoryReviews implements ReviewStore {
  readonly reviews: Review[] = [];
  constructor(private readonly audit = new MemoryAudit()) {}
  async save(review: Review, audit: AuditEntry) {
    const index = this.reviews.findIndex((stored) => stored.applicationId === review.applicationId && stored.staffId === review.staffId);
    if (index >= 0) this.reviews.splice(index, 1, review);
    else this.reviews.push(review);
    await this.audit.record(audit);
  }
  async listForArea(areaId: string) {
    return this.reviews.filter((review) => review.areaId === areaId);
  }
}

export class MemorySelections implements SelectionStore {
  readonly stored = new Map<string, AreaSelection>();
  /** Runs once, just before the next write lands, as another staff member's write would. */
  beforeNextWrite?: () => void;
  constructor(private readonly audit = new MemoryAudit()) {}
  async get(areaId: string) {
    const selection = this.stored.get(areaId);
    return selection && structuredClone(selection);
  }
  async write(next: AreaSelection, expectedVersion: number, audit: AuditEntry) {
    const interference = this.beforeNextWrite;
    this.beforeNextWrite = undefined;
    interference?.();
    if ((this.stored.get(next.areaId)?.version ?? 0) !== expectedVersion) return false;
    this.stored.set(next.areaId, structuredClone(next));
    await this.audit.record(audit);
    return true;
  }
}

/** Staff steps and the workflow waiting on them: `continued` lists the tokens the workflow was given back. */
export class MemoryStaffSteps implements StaffStepStore {
  readonly done = new Map<string, string>();
  readonly tokens = new Map<string, string>();
  readonly continued: string[] = [];
  readonly workflow: AreaWorkflowControl = {
    start: async () => undefined,
    continue: async (token) => {
      this.continued.push(token);
    },
    restart: async () => undefined,
  };
  async hold(areaId: string, step: StaffStep, token: string) {
    this.tokens.set(`${areaId}#${step}`, token);
  }
  async take(areaId: string, step: StaffStep) {
    const token = this.tokens.get(`${areaId}#${step}`);
    this.tokens.delete(`${areaId}#${step}`);
    return token;
  }
  async waiting(areaId: string) {
    return [...this.tokens.keys()].filter((key) => key.startsWith(`${areaId}#`)).map((key) => key.split('#')[1] as StaffStep);
  }
  async isWaiting(areaId: string, step: StaffStep) {
    return this.tokens.has(`${areaId}#${step}`);
  }
  async markDone(areaId: string, step: StaffStep, by: string) {
    this.done.set(`${areaId}#${step}`, by);
  }
  async isDone(areaId: string, step: StaffStep) {
    return this.done.has(`${areaId}#${step}`);
  }
}

/** A clock that stands still unless a test moves it. */
export function clockAt(iso: string) {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next: string) => {
      now = new Date(next);
    },
  };
}

/** Link tokens as the platform makes them (43 base64url characters), numbered so a test can tell them apart. */
export function countingTokens() {
  let made = 0;
  return { newToken: () => `token-${String((made += 1)).padStart(4, '0')}`.padEnd(43, 'x') };
}

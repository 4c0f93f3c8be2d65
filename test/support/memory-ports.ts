import type { Application, Area, AreaSelection, ConsultancySlot, PlatformSettings, Ports, Review } from '@pip/domain';
import { applicantKey, type SavedApplication, type SavedApplicationEmail, type SavedApplicationStore, type SavedReminder } from '@pip/domain';
import { RouteTableLinks } from '@pip/functions/adapters/platform-links';
import { MemoryApplications, MemoryReviews, MemorySelections, MemoryStaff } from './memory/applications';
import { MemoryPartners } from './memory/partners';
import { MemoryAreas, MemoryAudit, MemoryProgress } from './memory/areas';
import { MemoryConsultancy, MemoryFollowUps } from './memory/consultancy';
import { MemoryEmailAllowances } from './memory/email-allowances';
import { MemoryEvaluation } from './memory/evaluation';
import { MemoryReminders } from './memory/reminders';
import { MemoryDeclaredConflicts, MemoryStaffConnections } from './memory/staff-connections';
import { MemoryCalendars } from './memory/calendars';
import { MemoryEmailedLinks, MemoryLinkTokens, MemoryMailer, MemoryOutbox, MemoryUnreachableAddresses } from './memory/messages';
import { MemoryClock, MemoryLog, MemoryRandom, MemorySettings, MemoryWorkflow } from './memory/platform';
import { MemoryActionPlans, MemoryLearningEvents, MemoryProgressReviews, MemoryStaffSteps, MemoryVisits, MemoryWorkshops } from './memory/programme';
import { MemoryPersonRecords } from './memory/people';
import { MemoryAnnouncements } from './memory/announcements';
import { actOnAnnouncement } from '@pip/functions/use-cases/shared/announcements';

export * from './memory/applications';
export * from './memory/areas';
export * from './memory/consultancy';
export * from './memory/email-allowances';
export * from './memory/evaluation';
export * from './memory/messages';
export * from './memory/partners';
export * from './memory/people';
export * from './memory/platform';
export * from './memory/programme';
export * from './memory/reminders';
export * from './memory/staff-connections';

/** Where the memory ports' links point: the real link maker, so tests see the paths the platform serves. */
export const LINKS_BASE_URL = 'https://pip.example';

/**
 * Every port in memory, typed as the memory stores so a test can look inside them. Stores that
 * write together in one table transaction (a change and its audit entry, an email and its link,
 * an application and its email) share what they write into, as they share the table.
 */
export interface MemoryPorts extends Ports {
  clock: MemoryClock;
  settings: MemorySettings;
  /** What `log` wrote. */
  logs: MemoryLog;
  areas: MemoryAreas;
  progress: MemoryProgress;
  audit: MemoryAudit;
  applications: MemoryApplications;
  emailAllowances: MemoryEmailAllowances;
  partners: MemoryPartners;
  reviews: MemoryReviews;
  staff: MemoryStaff;
  staffConnections: MemoryStaffConnections;
  declaredConflicts: MemoryDeclaredConflicts;
  selections: MemorySelections;
  staffSteps: MemoryStaffSteps;
  workshops: MemoryWorkshops;
  calendars: MemoryCalendars;
  visits: MemoryVisits;
  actionPlans: MemoryActionPlans;
  progressReviews: MemoryProgressReviews;
  learningEvents: MemoryLearningEvents;
  consultancy: MemoryConsultancy;
  followUps: MemoryFollowUps;
  evaluation: MemoryEvaluation;
  reminders: MemoryReminders;
  emailedLinks: MemoryEmailedLinks;
  linkTokens: MemoryLinkTokens;
  outbox: MemoryOutbox;
  /** The email service, for a test that delivers what the outbox holds. */
  mailer: MemoryMailer;
  workflow: MemoryWorkflow;
  people: MemoryPersonRecords;
  /** A copy of everything stored, sent and started, to compare with a later one: a refused action changes none of it. */
  snapshot(): unknown;
}

export interface MemoryPortsOptions {
  /** Where the clock stands until a test moves it. */
  now: string;
  areas?: readonly Area[];
  applications?: readonly Application[];
  reviews?: readonly Review[];
  selections?: readonly AreaSelection[];
  slots?: readonly ConsultancySlot[];
  settings?: Partial<PlatformSettings>;
}

export function memoryPorts(options: MemoryPortsOptions): MemoryPorts {
  const clock = new MemoryClock(options.now);
  const audit = new MemoryAudit();
  const emailedLinks = new MemoryEmailedLinks();
  const outbox = new MemoryOutbox(emailedLinks);
  const logs = new MemoryLog();
  const emailAllowances = new MemoryEmailAllowances();
  const unreachable = new MemoryUnreachableAddresses();
  const actionPlans = new MemoryActionPlans(audit);
  const evaluation = new MemoryEvaluation(audit);
  const stores = {
    areas: new MemoryAreas(options.areas, audit),
    progress: new MemoryProgress(audit),
    audit,
    applications: new MemoryApplications(outbox, options.applications, emailAllowances, audit),
    emailAllowances,
    partners: new MemoryPartners(outbox, audit),
    reviews: new MemoryReviews(audit, options.reviews),
    staff: new MemoryStaff(),
    staffConnections: new MemoryStaffConnections(),
    declaredConflicts: new MemoryDeclaredConflicts(audit),
    selections: new MemorySelections(audit, options.selections),
    staffSteps: new MemoryStaffSteps({ audit, actionPlans, evaluation }),
    workshops: new MemoryWorkshops(audit),
    calendars: new MemoryCalendars(outbox),
    visits: new MemoryVisits(audit),
    actionPlans,
    progressReviews: new MemoryProgressReviews(audit),
    learningEvents: new MemoryLearningEvents(),
    consultancy: new MemoryConsultancy(options.slots, audit),
    followUps: new MemoryFollowUps(audit),
    evaluation,
    reminders: new MemoryReminders(audit),
    emailedLinks,
    outbox,
    mailer: new MemoryMailer(),
    unreachable,
    emailTracking: outbox,
    workflow: new MemoryWorkflow(),
    savedApplications: new MemorySavedApplications(outbox),
  };
  const people = new MemoryPersonRecords(stores);
  // The stream acts on an announcement with every port, as the platform's does.
  const announcements = new MemoryAnnouncements(stores, (announcement) => actOnAnnouncement(ports, announcement));
  const ports: MemoryPorts = {
    ...stores,
    announcements,
    people,
    clock,
    settings: new MemorySettings(options.settings),
    log: logs.write,
    logs,
    random: new MemoryRandom().bytes,
    links: new RouteTableLinks(LINKS_BASE_URL),
    linkTokens: new MemoryLinkTokens(),
    snapshot: () =>
      structuredClone({
        areas: stores.areas.byId,
        progress: stores.progress.rows,
        audit: audit.entries,
        applications: stores.applications.byApplicant,
        emailAllowances: stores.emailAllowances.counts,
        partners: [stores.partners.byId, stores.partners.links, stores.partners.nominations],
        reviews: stores.reviews.byReviewer,
        staff: stores.staff.byId,
        staffConnections: [stores.staffConnections.byStaff, stores.declaredConflicts.rows],
        selections: stores.selections.byArea,
        staffSteps: [stores.staffSteps.tokens, stores.staffSteps.done],
        workshops: [stores.workshops.schedules, stores.workshops.attendances],
        calendars: stores.calendars.rows,
        visits: stores.visits.byArea,
        actionPlans: stores.actionPlans.rows,
        progressReviews: stores.progressReviews.byOccasion,
        learningEvents: stores.learningEvents.rows,
        consultancy: [stores.consultancy.slotsByArea, stores.consultancy.slotsByFacilitator, stores.consultancy.calendars, stores.consultancy.sessionsByArea],
        followUps: [stores.followUps.reviews, stores.followUps.answersByArea],
        evaluation: [stores.evaluation.surveys, stores.evaluation.responsesByArea],
        reminders: stores.reminders.rounds,
        links: emailedLinks.links,
        emails: outbox.emails,
        sent: stores.mailer.sent,
        unreachable: unreachable.byAddress,
        workflow: [stores.workflow.executions, stores.workflow.continued],
      }),
  };
  return ports;
}

/** Saved applications in memory, by area and token; their emails and reminders go to the memory outbox. */
export class MemorySavedApplications implements SavedApplicationStore {
  readonly byToken = new Map<string, SavedApplication>();
  readonly reminders = new Map<string, Omit<SavedReminder, 'email'> & { to: string }>();

  constructor(private readonly outbox: MemoryOutbox) {}

  async create(token: string, saved: SavedApplication, { email, reminder }: SavedApplicationEmail): Promise<'written' | 'repeated' | 'limit-reached'> {
    if (!(await this.outbox.enqueue(email, saved.savedAt))) return 'repeated';
    this.byToken.set(`${saved.areaId}#${token}`, structuredClone(saved));
    // As the table's transaction does it: the reminder put, or left as it is once it no longer waits.
    if (reminder) await this.putReminder(reminder, saved.savedAt);
    return 'written';
  }

  async find(areaId: string, token: string): Promise<SavedApplication | undefined> {
    return structuredClone(this.byToken.get(`${areaId}#${token}`));
  }

  async update(token: string, saved: SavedApplication): Promise<boolean> {
    if (!this.byToken.has(`${saved.areaId}#${token}`)) return false;
    this.byToken.set(`${saved.areaId}#${token}`, structuredClone(saved));
    return true;
  }

  async listForArea(areaId: string): Promise<SavedApplication[]> {
    return [...this.byToken.values()].filter((saved) => saved.areaId === areaId).map((saved) => structuredClone(saved));
  }

  async putReminder({ email, resumeUrl, linkExpiresAt }: SavedReminder, at: string): Promise<boolean> {
    const existing = this.outbox.emails.find((one) => one.messageId === email.messageId);
    if (existing && existing.status !== 'pending') return false;
    if (existing) this.outbox.emails.splice(this.outbox.emails.indexOf(existing), 1);
    await this.outbox.enqueue(email, at);
    this.reminders.set(email.messageId, { to: email.to, resumeUrl, linkExpiresAt });
    return true;
  }

  async pendingReminder(messageId: string): Promise<(Omit<SavedReminder, 'email'> & { to: string }) | undefined> {
    const email = this.outbox.emails.find((one) => one.messageId === messageId);
    return email?.status === 'pending' ? this.reminders.get(messageId) : undefined;
  }

  async forgetApplicant(areaId: string, email: string, reminderMessageId: string): Promise<number> {
    await this.outbox.cancel(reminderMessageId);
    let removed = 0;
    for (const [key, saved] of this.byToken) {
      if (saved.areaId === areaId && applicantKey(saved.email) === applicantKey(email)) removed += Number(this.byToken.delete(key));
    }
    return removed;
  }
}

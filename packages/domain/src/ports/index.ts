import type { Announcements } from './announcements';
import type { AreaProgressStore, AreaStore, AuditLog } from './areas';
import type { ApplicationStore, ReviewStore, SelectionStore, StaffStore } from './applications';
import type { Clock, Logger, PlatformSettings } from './clock';
import type { CalendarStore } from './calendars';
import type { ConsultancyStore, FollowUpStore } from './consultancy';
import type { EmailAllowanceStore } from './email-allowances';
import type { EmailTracking, UnreachableAddresses } from './email-tracking';
import type { EvaluationStore } from './evaluation';
import type { PlatformLinks } from './links';
import type { EmailedLinkStore, LinkTokens, Outbox } from './messages';
import type { PartnerStore } from './partners';
import type { PersonRecords } from './people';
import type { ActionPlanStore, LearningEventStore, ProgressReviewStore, StaffStepStore, VisitStore, WorkshopStore } from './programme';
import type { ReminderLog } from './reminders';
import type { SavedApplicationStore } from './saved-applications';
import type { DeclaredConflictStore, StaffConnectionsStore } from './staff-connections';
import type { AreaWorkflowControl } from './workflow';

export * from './announcements';
export * from './areas';
export * from './applications';
export * from './clock';
export * from './calendars';
export * from './consultancy';
export * from './email-allowances';
export * from './email-tracking';
export * from './evaluation';
export * from './links';
export * from './messages';
export * from './partners';
export * from './people';
export * from './programme';
export * from './reminders';
export * from './staff-connections';
export * from './retention';
export * from './saved-applications';
export * from './workflow';

/**
 * Everything a use case may be handed. Each use case takes only the ports it names
 * (`Pick<Ports, 'areas' | 'clock'>`), so a test hands it those and nothing else.
 */
export interface Ports {
  clock: Clock;
  settings: PlatformSettings;
  log: Logger;
  /** Random bytes, for application references. */
  random: (bytes: number) => Uint8Array;
  areas: AreaStore;
  progress: AreaProgressStore;
  audit: AuditLog;
  applications: ApplicationStore;
  /** How many emails the public forms caused each address to receive today. */
  emailAllowances: EmailAllowanceStore;
  /** Partner organisations, their nomination links and the nominations they made. */
  partners: PartnerStore;
  reviews: ReviewStore;
  staff: StaffStore;
  /** What each member of staff recorded about their organisation and the areas they are connected to. */
  staffConnections: StaffConnectionsStore;
  /** Conflicts of interest declared on single applications. */
  declaredConflicts: DeclaredConflictStore;
  selections: SelectionStore;
  staffSteps: StaffStepStore;
  workshops: WorkshopStore;
  /** What each person's calendar was last sent, reconciled with the schedule and the group. */
  calendars: CalendarStore;
  visits: VisitStore;
  actionPlans: ActionPlanStore;
  progressReviews: ProgressReviewStore;
  learningEvents: LearningEventStore;
  consultancy: ConsultancyStore;
  followUps: FollowUpStore;
  evaluation: EvaluationStore;
  reminders: ReminderLog;
  emailedLinks: EmailedLinkStore;
  linkTokens: LinkTokens;
  links: PlatformLinks;
  outbox: Outbox;
  /** Addresses the platform could not reach; those that bounced for good or complained get nothing more. */
  unreachable: UnreachableAddresses;
  /** Sent emails as the email service's reports find them. */
  emailTracking: EmailTracking;
  workflow: AreaWorkflowControl;
  /** Everything held about a person, across the stores: their export and their erasure on request. */
  people: PersonRecords;
  /** Answers saved with "Save and come back later", under each one's own emailed link; never shown to staff. */
  savedApplications: SavedApplicationStore;
  /** Decisions that email a group, written with what they announce; the table's stream sends the emails. */
  announcements: Announcements;
}

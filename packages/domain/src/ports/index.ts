import type { AreaProgressStore, AreaStore, AuditLog } from './areas';
import type { ApplicationStore, ReviewStore, SelectionStore, StaffStore } from './applications';
import type { Clock, Logger, PlatformSettings } from './clock';
import type { ConsultancyStore, FollowUpStore } from './consultancy';
import type { EvaluationStore } from './evaluation';
import type { PlatformLinks } from './links';
import type { EmailDelivery, EmailedLinkStore, LinkTokens, Outbox } from './messages';
import type { ActionPlanStore, LearningEventStore, ProgressReviewStore, StaffStepStore, VisitStore, WorkshopStore } from './programme';
import type { AreaWorkflowControl } from './workflow';

export * from './areas';
export * from './applications';
export * from './clock';
export * from './consultancy';
export * from './evaluation';
export * from './links';
export * from './messages';
export * from './programme';
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
  reviews: ReviewStore;
  staff: StaffStore;
  selections: SelectionStore;
  staffSteps: StaffStepStore;
  workshops: WorkshopStore;
  visits: VisitStore;
  actionPlans: ActionPlanStore;
  progressReviews: ProgressReviewStore;
  learningEvents: LearningEventStore;
  consultancy: ConsultancyStore;
  followUps: FollowUpStore;
  evaluation: EvaluationStore;
  emailedLinks: EmailedLinkStore;
  linkTokens: LinkTokens;
  links: PlatformLinks;
  outbox: Outbox;
  delivery: EmailDelivery;
  workflow: AreaWorkflowControl;
}

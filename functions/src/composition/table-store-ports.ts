import type { Outbox, Ports, RetentionIndex } from '@pip/domain';
import type { DeliveryOutbox } from '@pip/mail';
import type { PlatformMetrics } from '../adapters/platform-metrics';
import type { Factories } from './environment';

/** The ports the table stores make: every store, and what the timed functions ask of them. */
export type TableStorePorts = Omit<Ports, 'clock' | 'settings' | 'log' | 'random' | 'linkTokens' | 'links' | 'delivery' | 'workflow' | 'outbox'> & {
  /** The use cases queue into it; delivery claims, marks sent and releases. */
  outbox: Outbox & DeliveryOutbox;
  /** Seconds the oldest due email has waited unsent (0 when none), for the scheduled delivery to report. */
  oldestUnsentEmailAge(): Promise<number>;
  /** The records the retention schedule makes due, for the daily retention pass. */
  retention: RetentionIndex;
};

/** What the stores take from the rest of the platform, read when a store is first made. */
export interface StoreNeeds {
  clock: Ports['clock'];
  settings: Ports['settings'];
  metrics: PlatformMetrics;
}

/** Every port the stores make, by name (the type holds the list whole). */
const storePorts: Record<keyof TableStorePorts, true> = {
  areas: true,
  progress: true,
  audit: true,
  applications: true,
  partners: true,
  reviews: true,
  staff: true,
  staffConnections: true,
  declaredConflicts: true,
  selections: true,
  staffSteps: true,
  workshops: true,
  calendars: true,
  visits: true,
  actionPlans: true,
  progressReviews: true,
  learningEvents: true,
  consultancy: true,
  followUps: true,
  evaluation: true,
  reminders: true,
  emailedLinks: true,
  emailAllowances: true,
  savedApplications: true,
  announcements: true,
  outbox: true,
  emailTracking: true,
  people: true,
  unreachable: true,
  retention: true,
  oldestUnsentEmailAge: true,
};

/** For a function that may only describe the table (the health check): each store, read, refuses. */
export function withoutTableStores(refuse: () => never): Factories<TableStorePorts> {
  const refusing = Object.fromEntries(Object.keys(storePorts).map((port) => [port, refuse])) as Record<keyof TableStorePorts, () => never>;
  return refusing;
}

import type { Outbox, Ports, RetentionIndex } from '@pip/domain';
import type { DeliveryOutbox } from '@pip/mail';
import {
  DynamoActionPlanStore,
  DynamoAnnouncementStore,
  DynamoApplicationStore,
  DynamoAreaProgressStore,
  DynamoAreaStore,
  DynamoAuditStore,
  DynamoCalendarStore,
  DynamoConsultancyStore,
  DynamoDeclaredConflictStore,
  DynamoEmailAllowanceStore,
  DynamoEmailedLinkStore,
  DynamoEvaluationStore,
  DynamoFollowUpStore,
  DynamoLearningEventStore,
  DynamoOutboxStore,
  DynamoPartnerStore,
  DynamoPersonRecordsStore,
  DynamoProgressReviewStore,
  DynamoReminderStore,
  DynamoRetentionStore,
  DynamoReviewStore,
  DynamoSavedApplicationStore,
  DynamoSelectionStore,
  DynamoStaffConnectionsStore,
  DynamoStaffStepStore,
  DynamoStaffStore,
  DynamoUnreachableAddressStore,
  DynamoVisitStore,
  DynamoWorkshopStore,
  createDocumentClient,
} from '@pip/storage';
import { countingApplications, countingBookings, oldestUnsentEmailAgeIn, type PlatformMetrics } from '../adapters/platform-metrics';
import { awsRegion, lazily, required, type Factories, type Instrument } from './environment';

type DocumentClient = ReturnType<typeof createDocumentClient>;

/** The platform's one table: its name, and the document client made on first use. */
export interface PlatformTable {
  name: string;
  documents: DocumentClient;
}

export function platformTable(instrument: Instrument | undefined): PlatformTable {
  return lazily<PlatformTable>({
    name: () => required('TABLE_NAME'),
    documents: () => createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: awsRegion(), ...(instrument ? { instrument } : {}) }),
  });
}

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

/** A DynamoDB store per entity, over the one table; business events counted where the write lands. */
export function tableStores(table: PlatformTable, needs: () => StoreNeeds): Factories<TableStorePorts> {
  const store = <S>(Store: new (documents: DocumentClient, tableName: string) => S) => () => new Store(table.documents, table.name);
  // The use cases queue into the outbox; delivery claims and sends from the same store, and tracking finds what was sent there.
  const outbox = lazily({ store: store(DynamoOutboxStore) });
  return {
    areas: store(DynamoAreaStore),
    progress: store(DynamoAreaProgressStore),
    audit: store(DynamoAuditStore),
    // Business events are counted where they happen: the write that landed.
    applications: () => countingApplications(store(DynamoApplicationStore)(), needs().metrics),
    partners: store(DynamoPartnerStore),
    reviews: store(DynamoReviewStore),
    staff: store(DynamoStaffStore),
    staffConnections: store(DynamoStaffConnectionsStore),
    declaredConflicts: store(DynamoDeclaredConflictStore),
    selections: store(DynamoSelectionStore),
    staffSteps: store(DynamoStaffStepStore),
    workshops: store(DynamoWorkshopStore),
    calendars: store(DynamoCalendarStore),
    visits: store(DynamoVisitStore),
    actionPlans: store(DynamoActionPlanStore),
    progressReviews: store(DynamoProgressReviewStore),
    learningEvents: store(DynamoLearningEventStore),
    consultancy: () => countingBookings(store(DynamoConsultancyStore)(), needs().metrics),
    followUps: store(DynamoFollowUpStore),
    evaluation: store(DynamoEvaluationStore),
    reminders: store(DynamoReminderStore),
    emailedLinks: store(DynamoEmailedLinkStore),
    emailAllowances: store(DynamoEmailAllowanceStore),
    savedApplications: store(DynamoSavedApplicationStore),
    announcements: store(DynamoAnnouncementStore),
    outbox: () => outbox.store,
    emailTracking: () => outbox.store,
    // A person's export and erasure; the team's mailbox is searched too, for alerts that name them.
    people: () => new DynamoPersonRecordsStore(table.documents, table.name, { teamAddresses: () => [needs().settings.staffAlertsTo, needs().settings.mailFrom] }),
    unreachable: store(DynamoUnreachableAddressStore),
    retention: store(DynamoRetentionStore),
    oldestUnsentEmailAge: () => () => oldestUnsentEmailAgeIn(outbox.store, needs().clock.now()),
  };
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

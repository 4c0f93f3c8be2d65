import { countingApplications, countingBookings, oldestUnsentEmailAgeIn } from '../adapters/platform-metrics';
import { lazily, type Factories } from './environment';
import type { DocumentClient, PlatformTable } from './platform-table';
import type { StoreNeeds, TableStorePorts } from './table-store-ports';

/** A store's class, over the document client and the table's name. */
type StoreClass<S> = new (documents: DocumentClient, tableName: string, ...rest: never[]) => S;

/**
 * Each store's class, loaded with `import()` of its own file in `@pip/storage` on the first call of
 * one of its methods, so that a cold start reads and evaluates only the stores its route calls: the
 * bundler splits at each `import()`, so each store's file, with what only it uses, is a chunk of its
 * own. The outbox's file serves the email tracking and the age of the oldest unsent email too; the
 * staff's connections and their declared conflicts share one file.
 */
const storeFiles = {
  areas: () => import('@pip/storage/area-store').then((file) => file.DynamoAreaStore),
  progress: () => import('@pip/storage/area-progress-store').then((file) => file.DynamoAreaProgressStore),
  audit: () => import('@pip/storage/audit-store').then((file) => file.DynamoAuditStore),
  applications: () => import('@pip/storage/application-store').then((file) => file.DynamoApplicationStore),
  partners: () => import('@pip/storage/partner-store').then((file) => file.DynamoPartnerStore),
  reviews: () => import('@pip/storage/review-store').then((file) => file.DynamoReviewStore),
  staff: () => import('@pip/storage/staff-store').then((file) => file.DynamoStaffStore),
  staffConnections: () => import('@pip/storage/staff-connections-store').then((file) => file.DynamoStaffConnectionsStore),
  declaredConflicts: () => import('@pip/storage/staff-connections-store').then((file) => file.DynamoDeclaredConflictStore),
  selections: () => import('@pip/storage/selection-store').then((file) => file.DynamoSelectionStore),
  staffSteps: () => import('@pip/storage/staff-step-store').then((file) => file.DynamoStaffStepStore),
  workshops: () => import('@pip/storage/workshop-store').then((file) => file.DynamoWorkshopStore),
  calendars: () => import('@pip/storage/calendar-store').then((file) => file.DynamoCalendarStore),
  visits: () => import('@pip/storage/visit-store').then((file) => file.DynamoVisitStore),
  actionPlans: () => import('@pip/storage/action-plan-store').then((file) => file.DynamoActionPlanStore),
  progressReviews: () => import('@pip/storage/progress-review-store').then((file) => file.DynamoProgressReviewStore),
  learningEvents: () => import('@pip/storage/learning-event-store').then((file) => file.DynamoLearningEventStore),
  consultancy: () => import('@pip/storage/consultancy-store').then((file) => file.DynamoConsultancyStore),
  followUps: () => import('@pip/storage/follow-up-store').then((file) => file.DynamoFollowUpStore),
  evaluation: () => import('@pip/storage/evaluation-store').then((file) => file.DynamoEvaluationStore),
  reminders: () => import('@pip/storage/reminder-store').then((file) => file.DynamoReminderStore),
  emailedLinks: () => import('@pip/storage/emailed-link-store').then((file) => file.DynamoEmailedLinkStore),
  emailAllowances: () => import('@pip/storage/email-allowance-store').then((file) => file.DynamoEmailAllowanceStore),
  savedApplications: () => import('@pip/storage/saved-application-store').then((file) => file.DynamoSavedApplicationStore),
  announcements: () => import('@pip/storage/announcement-store').then((file) => file.DynamoAnnouncementStore),
  outbox: () => import('@pip/storage/outbox-store').then((file) => file.DynamoOutboxStore),
  people: () => import('@pip/storage/person-records-store').then((file) => file.DynamoPersonRecordsStore),
  unreachable: () => import('@pip/storage/unreachable-address-store').then((file) => file.DynamoUnreachableAddressStore),
  retention: () => import('@pip/storage/retention-store').then((file) => file.DynamoRetentionStore),
};

/**
 * The file of `@pip/storage` (its name, e.g. `area-store`) a port's calls load, for the benchmark and
 * the bundling test. Read from the loaders' own text, so it cannot drift from them; a function rather
 * than a table, so that a bundle that never asks drops it.
 */
export function storeFileOf(port: string): string | undefined {
  const name = port === 'emailTracking' || port === 'oldestUnsentEmailAge' ? 'outbox' : port;
  if (!Object.hasOwn(storeFiles, name)) return undefined;
  return /@pip\/storage\/([\w-]+)/u.exec(String(storeFiles[name as keyof typeof storeFiles]))?.[1];
}

/** What a store's method gives: a promise, or pages read one after another. */
type Deferred = Promise<unknown> | AsyncIterable<unknown>;

/** An object whose every member is a method giving a promise or pages: what a store is, to be loaded on first call. */
type AsyncMethods<S> = { [K in keyof S]: S[K] extends (...args: never[]) => Deferred ? S[K] : never };

/**
 * A store behind its port's interface, its module loaded on the first call of any of its methods.
 * Every store method gives a promise or pages read asynchronously (the type holds it), so the caller
 * awaits the load with the call: the answer is a promise of the method's answer that can also be
 * iterated with `for await` (which the pages' methods are). A load that fails is tried again on the
 * next call rather than remembered.
 */
export function onFirstCall<S extends AsyncMethods<S>>(load: () => Promise<S>): S {
  let loading: Promise<S> | undefined;
  const loaded = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const call = (method: string, args: unknown[]) => {
    const answer = loaded().then((store) => (store[method as keyof S] as (...args: unknown[]) => Deferred).apply(store, args));
    return Object.assign(answer, {
      async *[Symbol.asyncIterator]() {
        yield* (await answer) as AsyncIterable<unknown>;
      },
    });
  };
  return new Proxy({} as S, {
    // Not a promise (so `await store` is the store), and no symbol-named members (inspection, coercion).
    get: (_, method) => (method === 'then' || typeof method === 'symbol' ? undefined : (...args: unknown[]) => call(method, args)),
  });
}

/** A DynamoDB store per entity, over the one table, each loaded on first call; business events counted where the write lands. */
export function tableStores(table: PlatformTable, needs: () => StoreNeeds): Factories<TableStorePorts> {
  const store =
    <S extends AsyncMethods<S>>(load: () => Promise<StoreClass<S>>) =>
    () =>
      onFirstCall(async () => new (await load())(table.documents, table.name));
  // The use cases queue into the outbox; delivery claims and sends from the same store, and tracking finds what was sent there.
  const outbox = lazily({ store: store(storeFiles.outbox) });
  return {
    areas: store(storeFiles.areas),
    progress: store(storeFiles.progress),
    audit: store(storeFiles.audit),
    // Business events are counted where they happen: the write that landed.
    applications: () => countingApplications(store(storeFiles.applications)(), needs().metrics),
    partners: store(storeFiles.partners),
    reviews: store(storeFiles.reviews),
    staff: store(storeFiles.staff),
    staffConnections: store(storeFiles.staffConnections),
    declaredConflicts: store(storeFiles.declaredConflicts),
    selections: store(storeFiles.selections),
    staffSteps: store(storeFiles.staffSteps),
    workshops: store(storeFiles.workshops),
    calendars: store(storeFiles.calendars),
    visits: store(storeFiles.visits),
    actionPlans: store(storeFiles.actionPlans),
    progressReviews: store(storeFiles.progressReviews),
    learningEvents: store(storeFiles.learningEvents),
    consultancy: () => countingBookings(store(storeFiles.consultancy)(), needs().metrics),
    followUps: store(storeFiles.followUps),
    evaluation: store(storeFiles.evaluation),
    reminders: store(storeFiles.reminders),
    emailedLinks: store(storeFiles.emailedLinks),
    emailAllowances: store(storeFiles.emailAllowances),
    savedApplications: store(storeFiles.savedApplications),
    announcements: store(storeFiles.announcements),
    outbox: () => outbox.store,
    emailTracking: () => outbox.store,
    // A person's export and erasure; the team's mailbox is searched too, for alerts that name them.
    people: () =>
      onFirstCall(async () => new (await storeFiles.people())(table.documents, table.name, { teamAddresses: () => [needs().settings.staffAlertsTo, needs().settings.mailFrom] })),
    unreachable: store(storeFiles.unreachable),
    retention: store(storeFiles.retention),
    oldestUnsentEmailAge: () => () => oldestUnsentEmailAgeIn(outbox.store, needs().clock.now()),
  };
}

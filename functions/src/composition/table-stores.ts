import { countingApplications, countingBookings, oldestUnsentEmailAgeIn } from '../adapters/platform-metrics';
import { lazily, type Factories } from './environment';
import type { DocumentClient, PlatformTable } from './platform-table';
import type { StoreNeeds, TableStorePorts } from './table-store-ports';

/** A store's module: its class, over the document client and the table's name. */
type StoreModule<S> = { Store: new (documents: DocumentClient, tableName: string, ...rest: never[]) => S };

/**
 * The module of each store, loaded with `import()` on the first call of one of its methods, so that a
 * cold start reads and evaluates only the stores its route calls (the bundler splits each into its
 * own file). One module per store, named after its port, because a bundler splits at modules; each
 * only re-exports the store's class from `@pip/storage`. The outbox's module serves the email
 * tracking and the age of the oldest unsent email too.
 */
const storeModules = {
  areas: () => import('./stores/areas'),
  progress: () => import('./stores/progress'),
  audit: () => import('./stores/audit'),
  applications: () => import('./stores/applications'),
  partners: () => import('./stores/partners'),
  reviews: () => import('./stores/reviews'),
  staff: () => import('./stores/staff'),
  staffConnections: () => import('./stores/staff-connections'),
  declaredConflicts: () => import('./stores/declared-conflicts'),
  selections: () => import('./stores/selections'),
  staffSteps: () => import('./stores/staff-steps'),
  workshops: () => import('./stores/workshops'),
  calendars: () => import('./stores/calendars'),
  visits: () => import('./stores/visits'),
  actionPlans: () => import('./stores/action-plans'),
  progressReviews: () => import('./stores/progress-reviews'),
  learningEvents: () => import('./stores/learning-events'),
  consultancy: () => import('./stores/consultancy'),
  followUps: () => import('./stores/follow-ups'),
  evaluation: () => import('./stores/evaluation'),
  reminders: () => import('./stores/reminders'),
  emailedLinks: () => import('./stores/emailed-links'),
  emailAllowances: () => import('./stores/email-allowances'),
  savedApplications: () => import('./stores/saved-applications'),
  announcements: () => import('./stores/announcements'),
  outbox: () => import('./stores/outbox'),
  people: () => import('./stores/people'),
  unreachable: () => import('./stores/unreachable'),
  retention: () => import('./stores/retention'),
} satisfies Record<string, () => Promise<StoreModule<object>>>;

/**
 * The store module a port's calls load, for the benchmark and the bundling test. A function rather
 * than a table, so that a bundle that never asks drops it (and with it nothing keeps the modules).
 */
export function storeModuleOf(port: string): keyof typeof storeModules | undefined {
  if (port === 'emailTracking' || port === 'oldestUnsentEmailAge') return 'outbox';
  return port in storeModules ? (port as keyof typeof storeModules) : undefined;
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
    <S extends AsyncMethods<S>>(module: () => Promise<StoreModule<S>>) =>
    () =>
      onFirstCall(async () => new (await module()).Store(table.documents, table.name));
  // The use cases queue into the outbox; delivery claims and sends from the same store, and tracking finds what was sent there.
  const outbox = lazily({ store: store(storeModules.outbox) });
  return {
    areas: store(storeModules.areas),
    progress: store(storeModules.progress),
    audit: store(storeModules.audit),
    // Business events are counted where they happen: the write that landed.
    applications: () => countingApplications(store(storeModules.applications)(), needs().metrics),
    partners: store(storeModules.partners),
    reviews: store(storeModules.reviews),
    staff: store(storeModules.staff),
    staffConnections: store(storeModules.staffConnections),
    declaredConflicts: store(storeModules.declaredConflicts),
    selections: store(storeModules.selections),
    staffSteps: store(storeModules.staffSteps),
    workshops: store(storeModules.workshops),
    calendars: store(storeModules.calendars),
    visits: store(storeModules.visits),
    actionPlans: store(storeModules.actionPlans),
    progressReviews: store(storeModules.progressReviews),
    learningEvents: store(storeModules.learningEvents),
    consultancy: () => countingBookings(store(storeModules.consultancy)(), needs().metrics),
    followUps: store(storeModules.followUps),
    evaluation: store(storeModules.evaluation),
    reminders: store(storeModules.reminders),
    emailedLinks: store(storeModules.emailedLinks),
    emailAllowances: store(storeModules.emailAllowances),
    savedApplications: store(storeModules.savedApplications),
    announcements: store(storeModules.announcements),
    outbox: () => outbox.store,
    emailTracking: () => outbox.store,
    // A person's export and erasure; the team's mailbox is searched too, for alerts that name them.
    people: () =>
      onFirstCall(async () => new (await storeModules.people()).Store(table.documents, table.name, { teamAddresses: () => [needs().settings.staffAlertsTo, needs().settings.mailFrom] })),
    unreachable: store(storeModules.unreachable),
    retention: store(storeModules.retention),
    oldestUnsentEmailAge: () => () => oldestUnsentEmailAgeIn(outbox.store, needs().clock.now()),
  };
}

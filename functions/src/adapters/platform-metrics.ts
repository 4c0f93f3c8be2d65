import { MetricUnit, type Metrics } from '@aws-lambda-powertools/metrics';
import type { ApplicationStore, ConsultancyStore } from '@pip/domain';
import type { Mailer } from '@pip/mail';
import { platformMetrics as named } from '../kit/metric-names';

/**
 * The platform's own figures, in the programme's words. The composition root records the business
 * events where they happen (a store write that landed, an email the email service took), and the
 * timed functions their own; the use cases know nothing of it.
 */
export interface PlatformMetrics {
  applicationReceived(): void;
  emailSent(): void;
  emailFailed(): void;
  bookingMade(): void;
  workflowStep(): void;
  /** Seconds the oldest due email has waited unsent; 0 when none waits. */
  oldestUnsentEmailAge(seconds: number): void;
  staffAlertNotSent(): void;
}

/**
 * Each figure as a CloudWatch metric through Powertools Metrics (embedded metric format), with no
 * dimension but `service`, so the stack's alarms find each by its name alone. `output` is asked at
 * each record, so the Metrics instance is made when first used.
 */
export function powertoolsMetrics(output: () => Metrics): PlatformMetrics {
  const count = (name: string) => () => void output().addMetric(name, MetricUnit.Count, 1);
  return {
    applicationReceived: count(named.applicationsReceived),
    emailSent: count(named.emailsSent),
    emailFailed: count(named.emailsFailed),
    bookingMade: count(named.bookingsMade),
    workflowStep: count(named.workflowSteps),
    oldestUnsentEmailAge: (seconds) => void output().addMetric(named.oldestUnsentEmailAge, MetricUnit.Seconds, seconds),
    staffAlertNotSent: count(named.staffAlertNotSent),
  };
}

/** The object as it is, but with `key` answered by `replacement`; every other method is the object's own. */
function replacing<T extends object, K extends keyof T>(target: T, key: K, replacement: T[K]): T {
  return new Proxy(target, {
    get: (object, property) => {
      if (property === key) return replacement;
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/** The application store, counting each application received: a new application's write that landed, its email with it. */
export function countingApplications<S extends Pick<ApplicationStore, 'create'>>(store: S, metrics: Pick<PlatformMetrics, 'applicationReceived'>): S {
  const create: ApplicationStore['create'] = async (application, email) => {
    const write = await store.create(application, email);
    if (write === 'written') metrics.applicationReceived();
    return write;
  };
  return replacing(store, 'create', create as S['create']);
}

/**
 * The consultancy store, counting each session booked: the booking's write that landed. A booking
 * moved to another time is the same booking, so it is not counted again.
 */
export function countingBookings<S extends Pick<ConsultancyStore, 'book'>>(store: S, metrics: Pick<PlatformMetrics, 'bookingMade'>): S {
  const book: ConsultancyStore['book'] = async (session, previous, slotAsSeen) => {
    const outcome = await store.book(session, previous, slotAsSeen);
    if (outcome === 'booked' && previous?.status !== 'booked') metrics.bookingMade();
    return outcome;
  };
  return replacing(store, 'book', book as S['book']);
}

/**
 * The mailer, counting each email the email service took (sent) and each attempt it refused or did
 * not answer (failed; the outbox tries again later, or gives up on it).
 */
export function countingMailer(mailer: Mailer, metrics: Pick<PlatformMetrics, 'emailSent' | 'emailFailed'>): Mailer {
  return {
    send: async (email) => {
      let sesMessageId: string | void;
      try {
        sesMessageId = await mailer.send(email);
      } catch (error) {
        metrics.emailFailed();
        throw error;
      }
      metrics.emailSent();
      return sesMessageId;
    },
  };
}

/**
 * The area workflow's step runner, counting each step done. The step that records a failure fails only
 * when its alert to staff could not be queued: that is counted too, for an alarm that does not depend
 * on email, and the step still fails, so that the state machine sees it.
 */
export function countingWorkflowSteps<Q extends { step: string }, R>(
  run: (request: Q) => Promise<R>,
  metrics: Pick<PlatformMetrics, 'workflowStep' | 'staffAlertNotSent'>,
): (request: Q) => Promise<R> {
  return async (request) => {
    let result: R;
    try {
      result = await run(request);
    } catch (error) {
      if (request.step === 'record-failure') metrics.staffAlertNotSent();
      throw error;
    }
    metrics.workflowStep();
    return result;
  };
}

/**
 * How long, in whole seconds, the oldest due email has waited unsent, from when it fell due (queued,
 * or its reminder time or next try came); 0 when none waits.
 */
export async function oldestUnsentEmailAgeIn(outbox: { oldestDueAt(now: Date): Promise<string | undefined> }, now: Date): Promise<number> {
  const dueAt = await outbox.oldestDueAt(now);
  return dueAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(dueAt)) / 1000)) : 0;
}

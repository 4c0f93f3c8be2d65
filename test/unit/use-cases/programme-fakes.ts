import {
  NotFoundError,
  parseApplicationAnswers,
  type ActionPlan,
  type Application,
  type Area,
  type AreaProgress,
  type AreaSelection,
  type AreaVisit,
  type AuditEntry,
  type LearningEvent,
  type OutboundEmail,
  type Ports,
  type StaffStep,
  type WorkshopAttendance,
  type WorkshopSchedule,
} from '@pip/domain';
import { goodAnswers } from '../../support/application-answers';

/** The ports an area's programme and workflow use, kept in memory. */
export type ProgrammePorts = Pick<
  Ports,
  | 'clock'
  | 'settings'
  | 'log'
  | 'areas'
  | 'progress'
  | 'audit'
  | 'applications'
  | 'selections'
  | 'staffSteps'
  | 'workshops'
  | 'visits'
  | 'actionPlans'
  | 'evaluation'
  | 'learningEvents'
  | 'outbox'
  | 'delivery'
  | 'workflow'
>;

export const AREA: Area = {
  areaId: 'leeds',
  name: 'Leeds',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00.000Z', closesAt: '2027-02-01T17:00:00.000Z' },
};

export function participant(areaId: string, n: number, sector: 'local-authority' | 'voluntary-community' = 'local-authority'): Application {
  const extra = sector === 'voluntary-community' ? { organisationKind: 'infrastructure-body', roleLevel: 'chief-executive-or-chief-officer' } : {};
  return {
    applicationId: `PIP-${areaId.toUpperCase()}-${n}`,
    areaId,
    answers: parseApplicationAnswers(goodAnswers(`person-${n}@${areaId}.example.org`, { fullName: `Person ${n}`, sector, ...extra })),
    submittedAt: '2027-01-10T10:00:00.000Z',
    updatedAt: '2027-01-10T10:00:00.000Z',
    version: 1,
  };
}

export function approvedSelection(areaId: string, applications: readonly Application[]): AreaSelection {
  const ids = (sector: string) => applications.filter((application) => application.answers.sector === sector).map((application) => application.applicationId);
  return {
    areaId,
    version: 2,
    status: 'approved',
    selected: { 'local-authority': ids('local-authority'), 'voluntary-community': ids('voluntary-community') },
    leads: {},
    updatedBy: { name: 'Sam Staff' },
    updatedAt: '2027-02-10T10:00:00.000Z',
  };
}

/**
 * An area's programme in memory: what the use cases wrote is kept for the test to look at, and
 * the outbox, like the real one, queues a message id once.
 */
export function programmeInMemory(options: { now: string; areas?: Area[]; applications?: Application[]; selections?: AreaSelection[] }) {
  let now = new Date(options.now);
  const areas = new Map((options.areas ?? [AREA]).map((area) => [area.areaId, area]));
  const applications = options.applications ?? [];
  const selections = new Map((options.selections ?? []).map((selection) => [selection.areaId, selection]));
  const progress = new Map<string, AreaProgress>();
  const audit: AuditEntry[] = [];
  const schedules = new Map<string, WorkshopSchedule>();
  const attendance = new Map<string, Record<number, WorkshopAttendance>>();
  const visits = new Map<string, AreaVisit>();
  const plans = new Map<string, ActionPlan>();
  const learningEvents = new Map<string, LearningEvent>();
  const closedEvaluations: string[] = [];
  const tokens = new Map<string, string>();
  const done = new Set<string>();
  const queued = new Map<string, OutboundEmail>();
  const cancelled: string[] = [];
  const sent: string[] = [];
  const continued: string[] = [];
  const logged: string[] = [];
  const step = (areaId: string, staffStep: StaffStep) => `${areaId}/${staffStep}`;

  const ports: ProgrammePorts = {
    clock: { now: () => now },
    settings: { mailFrom: 'programme@pip.example.org', staffAlertsTo: 'team@pip.example.org', publicBaseUrl: 'https://pip.example.org' },
    log: (_level, message) => void logged.push(message),
    areas: {
      get: async (areaId) => areas.get(areaId),
      existing: async (areaId) => {
        const area = areas.get(areaId);
        if (!area) throw new NotFoundError('Area');
        return area;
      },
      list: async () => [...areas.values()],
      listInRegion: async (regionId) => [...areas.values()].filter((area) => area.regionId === regionId),
      add: async (area) => !areas.has(area.areaId) && Boolean(areas.set(area.areaId, area)),
    },
    progress: {
      get: async (areaId) => progress.get(areaId),
      save: async (next) => void progress.set(next.areaId, next),
      clearFailure: async (areaId, at) => {
        const current = progress.get(areaId);
        if (current?.failure?.at !== at) return false;
        const { failure: _cleared, ...rest } = current;
        progress.set(areaId, rest);
        return true;
      },
    },
    audit: {
      record: async (entry) => void audit.push(entry),
      listForArea: async (areaId) => audit.filter((entry) => entry.areaId === areaId),
    },
    applications: {
      findByApplicant: async (areaId, email) => applications.find((application) => application.areaId === areaId && application.answers.email === email),
      listForArea: async (areaId) => applications.filter((application) => application.areaId === areaId),
      create: async () => false,
      update: async () => false,
    },
    selections: {
      get: async (areaId) => selections.get(areaId),
      write: async () => false,
    },
    staffSteps: {
      hold: async (areaId, staffStep, token) => void tokens.set(step(areaId, staffStep), token),
      take: async (areaId, staffStep) => {
        const token = tokens.get(step(areaId, staffStep));
        tokens.delete(step(areaId, staffStep));
        return token;
      },
      waiting: async (areaId) => [...tokens.keys()].filter((key) => key.startsWith(`${areaId}/`)).map((key) => key.slice(areaId.length + 1) as StaffStep),
      isWaiting: async (areaId, staffStep) => tokens.has(step(areaId, staffStep)),
      markDone: async (areaId, staffStep) => void done.add(step(areaId, staffStep)),
      isDone: async (areaId, staffStep) => done.has(step(areaId, staffStep)),
    },
    workshops: {
      schedule: async (areaId) => schedules.get(areaId),
      saveSchedule: async (schedule, expectedSequence) => {
        if ((schedules.get(schedule.areaId)?.sequence ?? -1) !== expectedSequence) return false;
        schedules.set(schedule.areaId, schedule);
        return true;
      },
      attendance: async (areaId) => attendance.get(areaId) ?? {},
      saveAttendance: async (areaId, record) => void attendance.set(areaId, { ...attendance.get(areaId), [record.workshop]: record }),
    },
    visits: {
      get: async (areaId) => visits.get(areaId),
      save: async (areaId, visit) => void visits.set(areaId, visit),
    },
    actionPlans: {
      get: async (areaId) => plans.get(areaId),
      save: async (plan) => void plans.set(plan.areaId, plan),
    },
    evaluation: {
      survey: async () => undefined,
      open: async () => true,
      close: async (areaId) => void closedEvaluations.push(areaId),
      responses: async () => [],
      response: async () => undefined,
      respond: async () => false,
    },
    learningEvents: {
      get: async (regionId) => learningEvents.get(regionId),
      save: async (event) => void learningEvents.set(event.regionId, event),
    },
    outbox: {
      enqueue: async (email) => !queued.has(email.messageId) && Boolean(queued.set(email.messageId, email)),
      cancel: async (messageId) => queued.delete(messageId) && cancelled.push(messageId) > 0,
    },
    delivery: { sendNow: async (messageId) => void sent.push(messageId) },
    workflow: {
      start: async () => undefined,
      continue: async (token) => void continued.push(token),
      restart: async () => undefined,
    },
  };

  return {
    ports,
    progress,
    audit,
    schedules,
    visits,
    plans,
    closedEvaluations,
    queued,
    cancelled,
    sent,
    continued,
    /** The workflow reached this staff step and waits on `token`. */
    waitAt: (areaId: string, staffStep: StaffStep, token: string) => void tokens.set(step(areaId, staffStep), token),
    moveClockTo: (instant: string) => void (now = new Date(instant)),
    /** What the store holds, so a test can see that a refused action wrote nothing. */
    written: () => ({ audit: audit.length, schedules: schedules.size, visits: visits.size, plans: plans.size, emails: queued.size, done: done.size, continued: continued.length }),
  };
}

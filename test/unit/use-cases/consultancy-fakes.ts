import {
  NotFoundError,
  parseApplicationAnswers,
  type ActionPlan,
  type Application,
  type Area,
  type AreaSelection,
  type AuditEntry,
  type ConsultancySlot,
  type EvaluationResponse,
  type EvaluationSurvey,
  type FollowUpAnswer,
  type FollowUpReview,
  type NewEmailedLink,
  type OutboundEmail,
  type Ports,
  type ProgressReview,
  type SessionBooking,
  type SessionNumber,
} from '@pip/domain';
import { goodAnswers } from '../../support/application-answers';

/** The ports the consultancy, follow-up and evaluation use cases take, kept in memory. */
export type ConsultancyPorts = Pick<
  Ports,
  | 'clock'
  | 'settings'
  | 'areas'
  | 'audit'
  | 'applications'
  | 'selections'
  | 'consultancy'
  | 'followUps'
  | 'evaluation'
  | 'actionPlans'
  | 'progressReviews'
  | 'linkTokens'
  | 'outbox'
  | 'delivery'
>;

export const AREA: Area = {
  areaId: 'leeds',
  name: 'Leeds',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00.000Z', closesAt: '2027-02-01T17:00:00.000Z' },
};

function application(n: number, sector: 'local-authority' | 'voluntary-community'): Application {
  const extra = sector === 'voluntary-community' ? { organisationKind: 'infrastructure-body', roleLevel: 'chief-executive-or-chief-officer' } : {};
  return {
    applicationId: `PIP-LEEDS-${n}`,
    areaId: AREA.areaId,
    answers: parseApplicationAnswers(goodAnswers(`lead-${n}@leeds.example.org`, { fullName: `Lead ${n}`, sector, ...extra })),
    submittedAt: '2027-01-10T10:00:00.000Z',
    updatedAt: '2027-01-10T10:00:00.000Z',
    version: 1,
  };
}

/** Two leads, one per sector, of an approved selection of two. */
export const LEADS = [application(1, 'local-authority'), application(2, 'voluntary-community')] as const;

const SELECTION: AreaSelection = {
  areaId: AREA.areaId,
  version: 2,
  status: 'approved',
  selected: { 'local-authority': [LEADS[0].applicationId], 'voluntary-community': [LEADS[1].applicationId] },
  leads: { 'local-authority': LEADS[0].applicationId, 'voluntary-community': LEADS[1].applicationId },
  updatedBy: { name: 'Sam Staff' },
  updatedAt: '2027-02-10T10:00:00.000Z',
};

export function slot(slotId: string, startsAt: string, extra: Partial<ConsultancySlot> = {}): ConsultancySlot {
  return {
    slotId,
    areaId: AREA.areaId,
    facilitator: 'Fay Facilitator',
    facilitatorEmail: 'fay@example.org',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 60 * 60 * 1000).toISOString(),
    mode: 'in-person',
    where: 'Civic Centre',
    ...extra,
  };
}

/**
 * One area's consultancy, follow-up review and evaluation in memory. The outbox, like the real one,
 * queues a message id once; the stores refuse what the table's conditions refuse.
 */
export function consultancyInMemory(options: { now: string; slots?: ConsultancySlot[] }) {
  let now = new Date(options.now);
  const slots = options.slots ?? [];
  const sessions: Partial<Record<SessionNumber, SessionBooking>> = {};
  const audit: AuditEntry[] = [];
  const queued = new Map<string, OutboundEmail>();
  const links = new Map<string, NewEmailedLink>();
  const cancelled: string[] = [];
  const plans = new Map<string, ActionPlan>();
  const reviews: ProgressReview[] = [];
  const followUp: { review?: FollowUpReview; answers: FollowUpAnswer[] } = { answers: [] };
  const evaluation: { survey?: EvaluationSurvey; responses: EvaluationResponse[] } = { responses: [] };
  let tokens = 0;

  const ports: ConsultancyPorts = {
    clock: { now: () => now },
    settings: { mailFrom: 'programme@pip.example.org', staffAlertsTo: 'team@pip.example.org', publicBaseUrl: 'https://pip.example.org' },
    areas: {
      get: async (areaId) => (areaId === AREA.areaId ? AREA : undefined),
      existing: async (areaId) => {
        if (areaId !== AREA.areaId) throw new NotFoundError('Area');
        return AREA;
      },
      list: async () => [AREA],
      listInRegion: async (regionId) => (regionId === AREA.regionId ? [AREA] : []),
      add: async () => false,
    },
    audit: {
      record: async (entry) => void audit.push(entry),
      listForArea: async () => audit,
    },
    applications: {
      findByApplicant: async () => undefined,
      listForArea: async () => [...LEADS],
      create: async () => false,
      update: async () => false,
    },
    selections: { get: async () => SELECTION, write: async () => false },
    consultancy: {
      slots: async () => slots.map((held) => ({ ...held })),
      facilitatorSlots: async () => ({ slots, version: slots.length }),
      publish: async (published, expectedVersion) => expectedVersion === slots.length && slots.push(published) > 0,
      sessions: async () => ({ ...sessions }),
      book: async (booking, previous) => {
        const taken = slots.find((held) => held.slotId === booking.slotId);
        if (!taken || taken.bookedFor !== undefined) return 'slot-taken';
        if (sessions[booking.session]?.sequence !== previous?.sequence) return 'session-changed';
        for (const held of slots) if (held.bookedFor === booking.session) delete held.bookedFor;
        taken.bookedFor = booking.session;
        sessions[booking.session] = booking;
        return 'booked';
      },
      cancel: async (previous) => {
        const current = sessions[previous.session];
        if (current?.status !== 'booked' || current.sequence !== previous.sequence) return false;
        sessions[previous.session] = { ...current, status: 'cancelled' };
        for (const held of slots) if (held.slotId === current.slotId) delete held.bookedFor;
        return true;
      },
      recordHeld: async (_areaId, session, notes, at) => {
        const current = sessions[session];
        if (!current || current.heldAt) return false;
        sessions[session] = { ...current, heldAt: at, notes };
        return true;
      },
    },
    followUps: {
      get: async () => followUp.review,
      propose: async (review) => !followUp.review && Boolean((followUp.review = review)),
      confirm: async (_areaId, optionId) => {
        if (!followUp.review || followUp.review.confirmedOptionId) return false;
        followUp.review = { ...followUp.review, confirmedOptionId: optionId };
        return true;
      },
      answers: async () => followUp.answers,
      answer: async (_areaId, applicationId) => followUp.answers.find((answer) => answer.applicationId === applicationId),
      saveAnswer: async (_areaId, answer) => void (followUp.answers = [...followUp.answers.filter((other) => other.applicationId !== answer.applicationId), answer]),
    },
    evaluation: {
      survey: async () => evaluation.survey,
      open: async (survey) => !evaluation.survey && Boolean((evaluation.survey = survey)),
      close: async (_areaId, at) => void (evaluation.survey &&= { ...evaluation.survey, closedAt: evaluation.survey.closedAt ?? at }),
      responses: async () => evaluation.responses,
      response: async (_areaId, applicationId) => evaluation.responses.find((response) => response.applicationId === applicationId),
      respond: async (response, expectedVersion) => {
        const existing = evaluation.responses.find((other) => other.applicationId === response.applicationId);
        if (!evaluation.survey || evaluation.survey.closedAt || (existing?.version ?? 0) !== expectedVersion) return false;
        evaluation.responses = [...evaluation.responses.filter((other) => other !== existing), response];
        return true;
      },
    },
    actionPlans: {
      get: async (areaId) => plans.get(areaId),
      save: async (plan) => void plans.set(plan.areaId, plan),
    },
    progressReviews: {
      list: async () => reviews,
      save: async (review) => void reviews.push(review),
    },
    linkTokens: { newToken: () => `token-${(tokens += 1)}` },
    outbox: {
      enqueue: async (email, _createdAt, link) => {
        if (queued.has(email.messageId)) return false;
        queued.set(email.messageId, email);
        if (link) links.set(link.token, link);
        return true;
      },
      cancel: async (messageId) => queued.delete(messageId) && cancelled.push(messageId) > 0,
    },
    delivery: { sendNow: async () => undefined },
  };

  return {
    ports,
    slots,
    sessions,
    audit,
    queued,
    links,
    cancelled,
    plans,
    reviews,
    followUp,
    evaluation,
    moveClockTo: (instant: string) => void (now = new Date(instant)),
    /** Subjects of the emails queued, in order, for a test to read. */
    subjects: () => [...queued.values()].map((email) => email.subject),
  };
}

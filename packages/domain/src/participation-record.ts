import { groupOn, type AreaSelection } from './area-selection';
import { sessionNumbers, type ConsultancySlot, type FollowUpAnswer, type FollowUpReview, type SessionBooking, type SessionNumber } from './consultancy';
import type { EvaluationSurvey } from './evaluation';
import type { RosterStatus } from './roster-status';
import { formatUkDate } from './uk-time';
import { WORKSHOPS_PER_AREA, hasStarted, type Workshop, type WorkshopAttendance, type WorkshopSchedule } from './workshop-schedule';

/** What an area has recorded about its people, as one read of its stores gives it. */
export interface AreaRecords {
  selection: AreaSelection | undefined;
  schedule: WorkshopSchedule | undefined;
  /** Attendance as recorded, by workshop number. */
  attendance: Record<number, WorkshopAttendance>;
  slots: ConsultancySlot[];
  sessions: Partial<Record<SessionNumber, SessionBooking>>;
  followUp: FollowUpReview | undefined;
  followUpAnswers: FollowUpAnswer[];
  survey: EvaluationSurvey | undefined;
  /** Who has answered the evaluation. */
  evaluated: ReadonlySet<string>;
  now: Date;
}

/** One person at one workshop. */
export type WorkshopPresence = 'attended' | 'absent' | 'not-recorded' | 'not-in-group' | 'not-yet-held' | 'not-scheduled';

export const workshopPresenceWords: Record<WorkshopPresence, string> = {
  attended: 'Attended',
  absent: 'Absent',
  'not-recorded': 'Not recorded yet',
  'not-in-group': 'Not in the group then',
  'not-yet-held': 'Not yet held',
  'not-scheduled': 'Not scheduled yet',
};

/** What one person has done in the programme so far, in the team's words where words will do. */
export interface ParticipationRecord {
  /** Workshops 1 to 4, in order. */
  workshops: WorkshopPresence[];
  consultancy: string;
  followUp: string;
  evaluation: string;
}

/**
 * At a workshop that has taken place, the group is the one its attendance fixed, or before that
 * was recorded the group the selection's history gives for its date: a later withdrawal or a
 * reserve joining never rewrites it.
 */
export function presenceAt(records: AreaRecords, workshop: Workshop | undefined, applicationId: string): WorkshopPresence {
  if (!workshop) return 'not-scheduled';
  if (!hasStarted(workshop, records.now)) return 'not-yet-held';
  const recorded = records.attendance[workshop.number];
  const members = recorded ? new Set(recorded.members) : records.selection ? groupOn(records.selection, workshop.startsAt) : new Set<string>();
  if (!members.has(applicationId)) return 'not-in-group';
  if (!recorded) return 'not-recorded';
  return recorded.present.includes(applicationId) ? 'attended' : 'absent';
}

/** The two consultancy sessions the leads share, as they stand: held, booked or not yet booked. */
export function consultancyInWords(records: Pick<AreaRecords, 'slots' | 'sessions'>): string {
  return sessionNumbers
    .map((number) => {
      const booking = records.sessions[number];
      const slot = booking && records.slots.find((candidate) => candidate.slotId === booking.slotId);
      const when = slot?.startsAt ?? booking?.heldAt;
      if (booking?.heldAt) return `Session ${number} held${when ? ` on ${formatUkDate(when)}` : ''}`;
      if (booking?.status === 'booked' && when) return `Session ${number} booked for ${formatUkDate(when)}`;
      return `Session ${number} not booked yet`;
    })
    .join('; ');
}

/** The follow-up review asks whoever is in the group now; once a date is confirmed, whether they are coming. */
export function followUpInWords(records: Pick<AreaRecords, 'followUp' | 'followUpAnswers'>, applicationId: string, inGroupNow: boolean): string {
  if (!records.followUp) return 'Not proposed yet';
  const answer = records.followUpAnswers.find((candidate) => candidate.applicationId === applicationId);
  if (records.followUp.confirmedOptionId && answer?.attending !== undefined) return answer.attending ? 'Coming' : 'Not coming';
  if (answer?.answeredDates) return records.followUp.confirmedOptionId ? 'Answered the dates, not yet said whether coming' : 'Answered the dates';
  return inGroupNow ? 'Not answered' : 'Not asked';
}

/** The evaluation asks those in the group when it opens. */
export function evaluationInWords(records: Pick<AreaRecords, 'survey' | 'selection' | 'evaluated'>, applicationId: string): string {
  if (records.evaluated.has(applicationId)) return 'Answered';
  if (!records.survey) return 'Not asked yet';
  const asked = records.selection ? groupOn(records.selection, records.survey.openedAt).has(applicationId) : false;
  return asked ? 'Not answered' : 'Not asked';
}

/** One person's record: attendance at each workshop, the consultancy sessions (leads only), the follow-up review and the evaluation. */
export function participationRecord(records: AreaRecords, applicationId: string, status: RosterStatus): ParticipationRecord {
  const workshops = Array.from({ length: WORKSHOPS_PER_AREA }, (_, index) =>
    presenceAt(records, records.schedule?.workshops.find((workshop) => workshop.number === index + 1), applicationId),
  );
  const inGroupNow = status.kind === 'lead' || status.kind === 'selected' || status.kind === 'joined';
  return {
    workshops,
    consultancy: status.kind === 'lead' ? consultancyInWords(records) : 'Not a lead',
    followUp: followUpInWords(records, applicationId, inGroupNow),
    evaluation: evaluationInWords(records, applicationId),
  };
}

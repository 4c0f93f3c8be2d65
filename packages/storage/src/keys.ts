import { createHash } from 'node:crypto';
import { applicantKey, type RetainedRecord, type TimelineKind } from '@pip/domain';

/** Every item's keys are built here and nowhere else. */
export const keys = {
  area: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'AREA' }),
  announcement: (announcementId: string) => ({ pk: `ANNOUNCEMENT#${announcementId}`, sk: 'ANNOUNCEMENT' }),
  areaList: (regionId: string, name: string) => ({ gsi1pk: 'AREAS', gsi1sk: `${regionId}#${name}` }),
  application: (areaId: string, email: string) => ({ pk: `AREA#${areaId}`, sk: `APPLICANT#${applicantKey(email)}` }),
  applicationReference: (applicationId: string) => ({ gsi1pk: `APPLICATION#${applicationId}`, gsi1sk: 'APPLICATION' }),
  applicationsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'APPLICANT#' }),
  staffMember: (staffId: string) => ({ pk: `STAFF#${staffId}`, sk: 'STAFF' }),
  staffList: (name: string) => ({ gsi1pk: 'STAFF', gsi1sk: name }),
  review: (areaId: string, applicationId: string, staffId: string) => ({ pk: `AREA#${areaId}`, sk: `REVIEW#${applicationId}#${staffId}` }),
  reviewsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'REVIEW#' }),
  /** The closing `#` keeps `APP-1` from also reading `APP-10`'s reviews. */
  reviewsOfApplication: (areaId: string, applicationId: string) => ({ pk: `AREA#${areaId}`, skPrefix: `REVIEW#${applicationId}#` }),
  /** What a member of staff recorded on their profile, and its place in the list of every profile. */
  staffConnections: (staffId: string) => ({ pk: `STAFF#${staffId}`, sk: 'CONNECTIONS' }),
  staffConnectionsList: (staffId: string) => ({ gsi1pk: 'STAFF-CONNECTIONS', gsi1sk: staffId }),
  /** A conflict of interest a member of staff declared on one application: one per person and application. */
  declaredConflict: (areaId: string, applicationId: string, staffId: string) => ({ pk: `AREA#${areaId}`, sk: `CONFLICT#${applicationId}#${staffId}` }),
  declaredConflictsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'CONFLICT#' }),
  selection: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'SELECTION' }),
  auditEntry: (areaId: string, at: string, entryId: string) => ({ pk: `AREA#${areaId}`, sk: `AUDIT#${at}#${entryId}` }),
  auditOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'AUDIT#' }),
  /**
   * An audit entry on gsi1 by its area and kind, in the order of the entry's own key: a timeline
   * filtered to some kinds reads only those kinds' entries, not the whole log.
   */
  timelineOfKind: (areaId: string, kind: TimelineKind, at: string, entryId: string) => ({ gsi1pk: `TIMELINE#${areaId}#${kind}`, gsi1sk: `${at}#${entryId}` }),
  timelineKindOf: (areaId: string, kind: TimelineKind) => ({ gsi1pk: `TIMELINE#${areaId}#${kind}` }),
  consultancySlot: (areaId: string, slotId: string) => ({ pk: `AREA#${areaId}`, sk: `SLOT#${slotId}` }),
  consultancySlotsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'SLOT#' }),
  consultancySession: (areaId: string, session: number) => ({ pk: `AREA#${areaId}`, sk: `SESSION#${session}` }),
  consultancySessionsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'SESSION#' }),
  actionPlan: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'ACTION-PLAN' }),
  /**
   * An action plan with an objective shared, on gsi1 in the library by its area's region: the
   * library (or one region of it) is one query, not a read of every area's plan.
   */
  libraryPlan: (regionId: string, areaId: string) => ({ gsi1pk: 'LIBRARY', gsi1sk: `${regionId}#${areaId}` }),
  libraryPlansOf: (regionId: string | undefined) => ({ gsi1pk: 'LIBRARY', gsi1skPrefix: regionId ? `${regionId}#` : '' }),
  progressReview: (areaId: string, occasion: string) => ({ pk: `AREA#${areaId}`, sk: `PROGRESS-REVIEW#${occasion}` }),
  progressReviewsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'PROGRESS-REVIEW#' }),
  evaluationSurvey: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'SURVEY' }),
  evaluationResponse: (areaId: string, applicationId: string) => ({ pk: `AREA#${areaId}`, sk: `EVALUATION#${applicationId}` }),
  evaluationResponsesOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'EVALUATION#' }),
  followUpReview: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'FOLLOW-UP' }),
  followUpAnswer: (areaId: string, applicationId: string) => ({ pk: `AREA#${areaId}`, sk: `FOLLOW-UP-ANSWER#${applicationId}` }),
  followUpAnswersOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'FOLLOW-UP-ANSWER#' }),
  /** A round of reminders, keyed by the id its confirmation form carried, so a round is recorded once. */
  reminderRound: (areaId: string, kind: string, roundId: string) => ({ pk: `AREA#${areaId}`, sk: `REMINDER#${kind}#${roundId}` }),
  reminderRoundsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'REMINDER#' }),
  /** A facilitator's slots in every area, and the version that makes adding one a serial decision. */
  facilitator: (facilitatorKey: string) => ({ pk: `FACILITATOR#${facilitatorKey}`, sk: 'FACILITATOR' }),
  facilitatorSlot: (facilitatorKey: string, slotId: string) => ({ pk: `FACILITATOR#${facilitatorKey}`, sk: `SLOT#${slotId}` }),
  facilitatorSlots: (facilitatorKey: string) => ({ pk: `FACILITATOR#${facilitatorKey}`, skPrefix: 'SLOT#' }),
  /** A workshop on its facilitator's calendar, replaced with the area's schedule. */
  facilitatorWorkshop: (facilitatorKey: string, areaId: string, workshop: number) => ({ pk: `FACILITATOR#${facilitatorKey}`, sk: `WORKSHOP#${areaId}#${workshop}` }),
  facilitatorWorkshops: (facilitatorKey: string) => ({ pk: `FACILITATOR#${facilitatorKey}`, skPrefix: 'WORKSHOP#' }),
  learningEvent: (regionId: string) => ({ pk: `REGION#${regionId}`, sk: 'LEARNING-EVENT' }),
  areaProgress: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'PROGRESS' }),
  staffStepToken: (areaId: string, step: string) => ({ pk: `AREA#${areaId}`, sk: `STAFF-STEP#${step}` }),
  staffStepTokensOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'STAFF-STEP#' }),
  staffStepDone: (areaId: string, step: string) => ({ pk: `AREA#${areaId}`, sk: `STAFF-DONE#${step}` }),
  workshops: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'WORKSHOPS' }),
  personCalendar: (areaId: string, personKey: string) => ({ pk: `AREA#${areaId}`, sk: `CALENDAR#${personKey}` }),
  calendarsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'CALENDAR#' }),
  attendance: (areaId: string, workshop: number) => ({ pk: `AREA#${areaId}`, sk: `ATTENDANCE#${workshop}` }),
  attendanceOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'ATTENDANCE#' }),
  areaVisit: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'VISIT' }),
  /** How far the local platform's clock runs ahead of the machine's, kept with the data so a restart never moves it back. */
  localClock: () => ({ pk: 'LOCAL#CLOCK', sk: 'CLOCK' }),
  /** Where the local workflow runner stopped an area's execution; only the local platform writes it. */
  localExecution: (areaId: string) => ({ pk: `AREA#${areaId}`, sk: 'LOCAL-EXECUTION' }),
  /** A name an area's local execution was started under: like an execution name in AWS, used once. */
  localExecutionName: (areaId: string, name: string) => ({ pk: `AREA#${areaId}`, sk: `LOCAL-EXECUTION-NAME#${name}` }),
  partner: (partnerId: string) => ({ pk: `PARTNER#${partnerId}`, sk: 'PARTNER' }),
  partnerList: (organisation: string) => ({ gsi1pk: 'PARTNERS', gsi1sk: organisation }),
  /** A partner's nomination link, found by the hash of its token, as emailed links are. */
  partnerLink: (tokenHash: string) => ({ pk: `PARTNER-LINK#${tokenHash}`, sk: 'PARTNER-LINK' }),
  partnerNomination: (partnerId: string, areaId: string, candidateEmail: string) => ({
    pk: `PARTNER#${partnerId}`,
    sk: `NOMINATION#${areaId}#${applicantKey(candidateEmail)}`,
  }),
  nominationsOfPartner: (partnerId: string) => ({ pk: `PARTNER#${partnerId}`, skPrefix: 'NOMINATION#' }),
  /** Emailed links are found by the hash of their token; the token itself is never stored. */
  link: (tokenHash: string) => ({ pk: `LINK#${tokenHash}`, sk: 'LINK' }),
  email: (messageId: string) => ({ pk: `EMAIL#${messageId}`, sk: 'EMAIL' }),
  /** What a sent email said, beside it and on no index: the email's own item (copied to three indexes) stays small. */
  emailWording: (messageId: string) => ({ pk: `EMAIL#${messageId}`, sk: 'WORDING' }),
  /** Answers saved and not sent, under the area by the hash of their own link's token: never by address, so nobody reaches them by typing one. */
  savedApplication: (areaId: string, tokenHash: string) => ({ pk: `AREA#${areaId}`, sk: `SAVED-APPLICATION#${tokenHash}` }),
  savedApplicationsOfArea: (areaId: string) => ({ pk: `AREA#${areaId}`, skPrefix: 'SAVED-APPLICATION#' }),
  /** A day's count of emails the public forms caused one address to receive, by the hash of the address. */
  emailAllowance: (addressHash: string, ukDay: string) => ({ pk: `EMAIL-ALLOWANCE#${addressHash}`, sk: `DAY#${ukDay}` }),
  pendingEmail: (createdAt: string) => ({ gsi1pk: 'OUTBOX#PENDING', gsi1sk: createdAt }),
  /** A sent email, found by the email service's id when it reports a delivery, bounce or complaint. */
  sentEmail: (sesMessageId: string) => ({ gsi1pk: `SES#${sesMessageId}`, gsi1sk: 'EMAIL' }),
  unreachableAddress: (address: string) => ({ pk: `UNREACHABLE#${address}`, sk: 'UNREACHABLE' }),
  /** An item about a person, on the person index: `personHash` from `personHashOf(email)`, `what` orders and names the item (`EMAIL#<createdAt>#<id>`). */
  personIndex: (personHash: string, what: string) => ({ gsi2pk: `PERSON#${personHash}`, gsi2sk: what }),
  personIndexOf: (personHash: string) => ({ gsi2pk: `PERSON#${personHash}` }),
  /** An item on the retention index: due for `record`'s action from `dueAt` (ISO), `what` telling items due at once apart. */
  retentionDue: (record: RetainedRecord, dueAt: string, what: string) => ({ gsi3pk: `RETENTION#${record}`, gsi3sk: `${dueAt}#${what}` }),
  retentionDueOf: (record: RetainedRecord) => ({ gsi3pk: `RETENTION#${record}` }),
} as const;

export const lists = { areas: 'AREAS', staff: 'STAFF', pendingEmails: 'OUTBOX#PENDING', partners: 'PARTNERS' } as const;

/**
 * The key a person is found by on the person index: a hash of their address as applications key it,
 * so the index itself holds no address.
 */
export function personHashOf(email: string): string {
  return createHash('sha256').update(applicantKey(email)).digest('hex');
}

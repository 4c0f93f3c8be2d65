import type { ConsultancySessionState, FollowUpAnswer, FollowUpReview } from './consultancy';
import type { LatestReminders } from './reminders';

/** What staff see of an area's consultancy: both sessions, the leads, and the follow-up review with its answers. */
export interface ConsultancyOverview {
  states: ConsultancySessionState[];
  leads: string[];
  followUp: FollowUpReview | undefined;
  answers: FollowUpAnswer[];
  /** Who is in the group now, by name: those the follow-up review asks. */
  group: { applicationId: string; name: string }[];
  /** The latest round of reminders of each kind: to book each session, to answer the follow-up dates. */
  reminders: LatestReminders;
}

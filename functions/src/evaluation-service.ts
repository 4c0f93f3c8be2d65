import { ConcurrentChangeError, LOST_RACE, evaluationSchema, parseInput, takeTurns, type Area, type EvaluationResponse } from '@pip/domain';
import { evaluationEmails } from '@pip/mail';
import { newEmailedLink } from './emailed-links';
import { queueAndSend, type EmailToSend } from './send-emails';
import { getPlatform } from './wiring';
import { selectedParticipants } from './workshop-emails';

const DAY = 24 * 60 * 60 * 1000;
const LINK_DAYS = 180;
const REMIND_AFTER_DAYS = 14;

/** After the fourth workshop: the survey opens and every participant gets a personal link, and later a reminder if they have not answered. */
export async function openEvaluation(areaId: string): Promise<void> {
  const platform = getPlatform();
  const area = await platform.areas.existing(areaId);
  const participants = await selectedParticipants(areaId);
  const now = platform.clock.now();
  await platform.evaluation.open({ areaId, openedAt: now.toISOString(), invited: participants.length });
  const expiresAt = new Date(now.getTime() + LINK_DAYS * DAY).toISOString();
  const remindAt = new Date(now.getTime() + REMIND_AFTER_DAYS * DAY).toISOString();
  const emails: EmailToSend[] = participants.flatMap((participant) => {
    const to = { applicationId: participant.applicationId, name: participant.answers.fullName, email: participant.answers.email };
    const { url, link } = newEmailedLink({ purpose: 'evaluation', areaId, applicationId: participant.applicationId, expiresAt }, (token) => `${platform.publicBaseUrl ?? ''}/evaluation/${token}`);
    return [{ email: evaluationEmails.invitation(area, to, url), link }, { email: evaluationEmails.reminder(area, to, url, remindAt) }];
  });
  await queueAndSend(emails);
}

export class SurveyClosedError extends Error {}

/**
 * Saves the participant's one response, replacing an earlier one. Concurrent submissions each
 * land in turn on the same item; none makes a second response.
 */
export async function submitEvaluation(area: Area, applicationId: string, input: unknown): Promise<EvaluationResponse> {
  const platform = getPlatform();
  const answers = parseInput(evaluationSchema, input);
  return takeTurns(async () => {
    const [survey, existing] = await Promise.all([platform.evaluation.survey(area.areaId), platform.evaluation.response(area.areaId, applicationId)]);
    if (!survey || survey.closedAt) throw new SurveyClosedError();
    const response: EvaluationResponse = { areaId: area.areaId, applicationId, answers, submittedAt: platform.clock.now().toISOString(), version: (existing?.version ?? 0) + 1 };
    if (!(await platform.evaluation.respond(response, existing?.version ?? 0))) return LOST_RACE;
    await platform.outbox.cancel(evaluationEmails.reminderId(area, applicationId));
    return response;
  }, () => new ConcurrentChangeError('Your evaluation'));
}

import { applicantKey, newApplicationReference, sameAnswers, type Application, type Nomination } from './application';
import { recruitmentState, type Area } from './area';
import { ConcurrentChangeError, NotFoundError, RecruitmentNotOpenError } from './errors';
import { parseApplicationAnswers } from './parse-answers';
import type { ApplicantEmails, ApplicationStore, AreaStore, Clock, OutboundEmail } from './ports/index';
import { LOST_RACE, takeTurns } from './take-turns';

export interface SubmitApplicationPorts {
  areas: AreaStore;
  applications: ApplicationStore;
  emails: ApplicantEmails;
  clock: Clock;
  random: (bytes: number) => Uint8Array;
}

/** `unchanged` is a repeat of the same answers, such as a double click: nothing is stored or sent. */
export type SubmissionOutcome = 'received' | 'updated' | 'unchanged';

export interface SubmissionResult {
  outcome: SubmissionOutcome;
  area: Area;
  application: Application;
  email?: OutboundEmail;
}

/**
 * Accepts an application while the area's window is open. The same email address applying again
 * to the same area updates its one application, however the submissions interleave. An applicant
 * who came through a nomination link keeps the nomination on their application.
 */
export async function submitApplication(
  ports: SubmitApplicationPorts,
  areaId: string,
  input: unknown,
  nomination?: Nomination,
): Promise<SubmissionResult> {
  const area = await ports.areas.get(areaId);
  if (!area) throw new NotFoundError('Area');
  const now = ports.clock.now();
  const state = recruitmentState(area, now);
  if (state !== 'open') throw new RecruitmentNotOpenError(area, state);
  const answers = parseApplicationAnswers(input);
  const at = now.toISOString();

  return takeTurns(async () => {
    const existing = await ports.applications.findByApplicant(areaId, applicantKey(answers.email));
    if (!existing) {
      const application: Application = {
        applicationId: newApplicationReference(ports.random),
        areaId,
        answers,
        submittedAt: at,
        updatedAt: at,
        version: 1,
        ...(nomination ? { nomination } : {}),
      };
      const email = ports.emails.applicationReceived(area, application);
      // Someone with the same email address may get there first: then this becomes an update.
      return (await ports.applications.create(application, email)) ? { outcome: 'received', area, application, email } : LOST_RACE;
    }
    const addsNomination = nomination !== undefined && existing.nomination === undefined;
    if (sameAnswers(existing.answers, answers) && !addsNomination) return { outcome: 'unchanged', area, application: existing };
    const application: Application = {
      ...existing,
      answers,
      updatedAt: at,
      version: existing.version + 1,
      ...(addsNomination ? { nomination } : {}),
    };
    const email = ports.emails.applicationUpdated(area, application);
    return (await ports.applications.update(application, existing.version, email)) ? { outcome: 'updated', area, application, email } : LOST_RACE;
  }, () => new ConcurrentChangeError('Your application'));
}

import {
  ConcurrentChangeError,
  LOST_RACE,
  applicantKey,
  newApplicationReference,
  parseApplicationAnswers,
  refuseUnlessRecruiting,
  sameAnswers,
  takeTurns,
  type Application,
  type Area,
  type Nomination,
  type OutboundEmail,
  type Ports,
  type SubmissionOutcome,
} from '@pip/domain';
import { applicantEmails } from '@pip/mail';

export type SubmitApplicationPorts = Pick<Ports, 'areas' | 'applications' | 'links' | 'clock' | 'random' | 'delivery' | 'log'>;

export interface SubmissionResult {
  outcome: SubmissionOutcome;
  area: Area;
  application: Application;
  /** The email the submission queued; none when nothing changed. */
  email?: OutboundEmail;
}

/**
 * Accepts an application while the area's window is open. The same email address applying again
 * to the same area updates its one application, however the submissions interleave. An applicant
 * who came through a nomination link keeps the nomination on their application.
 *
 * The application is stored with its email in the outbox, then the email is sent at once; if the
 * email service is down the application still stands and the scheduled delivery sends it later.
 */
export async function submitApplication(
  ports: SubmitApplicationPorts,
  areaId: string,
  input: unknown,
  nomination?: Nomination,
): Promise<SubmissionResult> {
  const area = await ports.areas.existing(areaId);
  const now = ports.clock.now();
  refuseUnlessRecruiting(area, now);
  const answers = parseApplicationAnswers(input);
  const at = now.toISOString();
  const formUrl = ports.links.applicationForm(areaId);

  const result = await takeTurns<SubmissionResult>(async () => {
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
      const email = applicantEmails.applicationReceived(area, application, formUrl);
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
    const email = applicantEmails.applicationUpdated(area, application, formUrl);
    return (await ports.applications.update(application, existing.version, email)) ? { outcome: 'updated', area, application, email } : LOST_RACE;
  }, () => new ConcurrentChangeError('Your application'));

  if (result.email) await ports.delivery.sendNow(result.email.messageId);
  ports.log('INFO', 'application submitted', { areaId, applicationId: result.application.applicationId, outcome: result.outcome });
  return result;
}

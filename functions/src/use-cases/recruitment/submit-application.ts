import {
  ConcurrentChangeError,
  EmailLimitReachedError,
  LOST_RACE,
  applicationLink,
  emailAllowance,
  newApplicationReference,
  nominatingBodies,
  parseApplicationAnswers,
  recruitmentState,
  refuseUnlessRecruiting,
  sameAnswers,
  sectorNames,
  takeTurns,
  type Application,
  type Area,
  type Nomination,
  type OutboundEmail,
  type Ports,
} from '@pip/domain';
import { applicantEmails } from '@pip/mail';
import { takeEmailAllowance } from '../shared/email-allowance';
import { newEmailedLink } from '../shared/emailed-links';
import { freshlyReadArea, recentlyReadArea } from './recently-read-areas';
import { forgetSavedApplications } from './saved-reminders';
import { formSenders, timelineEntry } from '../timeline/timeline-entry';

export type SubmitApplicationPorts = Pick<
  Ports,
  'areas' | 'applications' | 'emailAllowances' | 'links' | 'linkTokens' | 'outbox' | 'clock' | 'random' | 'log'
> &
  // Optional so that the demo seeding, which saves nothing, need not hand it in.
  Partial<Pick<Ports, 'savedApplications'>>;

/**
 * What a submission did. Only a submission that stored the application (or repeated its answers
 * exactly) says which application it is: for an address that has applied already, whoever sent
 * the form is told only that a link went to the address.
 */
export type SubmissionResult =
  | { outcome: 'received' | 'unchanged'; area: Area; application: Application; email?: OutboundEmail }
  | { outcome: 'link-sent'; area: Area; email: OutboundEmail };

/**
 * Accepts an application while the area's window is open. An address that has applied to the area
 * already keeps its application as it is, whoever sent the form: the address is emailed its own link
 * to see or change the application, and the answers sent are not stored anywhere. An applicant who
 * came through a nomination link keeps the nomination on their application.
 *
 * A new application is one round trip: the area's window is the one this container read within the
 * last minute (`recently-read-areas.ts`), and the application, a check that the area's window is still
 * that one, its email, link, timeline entry and count against the address's daily allowance are one
 * transaction, whose own condition is the check that the address has not applied; the application is
 * read only when that condition fails, to answer, and the area only when its window has changed (or
 * would refuse). Its email is sent as soon as it is stored, from the table's stream (the minute's
 * delivery catches any the stream missed), and what the address saved for the area goes then too: its
 * reminder is withdrawn unsent whatever happens, since delivery withdraws a reminder to apply once its
 * address has applied.
 */
export async function submitApplication(
  ports: SubmitApplicationPorts,
  areaId: string,
  input: unknown,
  nomination?: Nomination,
): Promise<SubmissionResult> {
  const now = ports.clock.now();
  let area = await recentlyReadArea(ports, areaId);
  // A refusal is never made on a window kept from an earlier request: staff may have opened it since.
  if (recruitmentState(area, now) !== 'open') area = await freshlyReadArea(ports, areaId);
  refuseUnlessRecruiting(area, now);
  const answers = parseApplicationAnswers(input);
  const at = now.toISOString();
  const allowance = emailAllowance(answers.email, now);

  const result = await takeTurns<SubmissionResult>(async () => {
    const application: Application = {
      applicationId: newApplicationReference(ports.random),
      areaId,
      answers,
      submittedAt: at,
      updatedAt: at,
      version: 1,
      ...(nomination ? { nomination } : {}),
    };
    const { url, link } = newEmailedLink(ports, applicationLink(area, application.applicationId));
    const email = applicantEmails.applicationReceived(area, application, { url, expiresAt: link.link.expiresAt });
    const audit = timelineEntry(ports.clock, areaId, {
      kind: 'form',
      actor: formSenders.applicant,
      action: 'Application received',
      summary: `A ${sectorNames[answers.sector]} application${nomination ? `, nominated by ${nomination.bodyName ?? nominatingBodies[nomination.body]}` : ''}.`,
      subjects: [application.applicationId],
      at,
    });
    const write = await ports.applications.create(application, { email, link, allowance, audit, acceptedUnder: area });
    if (write === 'written') return { outcome: 'received', area, application, email };
    if (write === 'limit-reached') throw new EmailLimitReachedError(allowance.limit);
    if (write === 'window-changed') {
      // Staff changed the window since this container read it: decide again by the window as it is.
      area = await freshlyReadArea(ports, areaId);
      refuseUnlessRecruiting(area, now);
      return LOST_RACE;
    }
    // The address has applied already (perhaps a moment ago, from this same form sent twice).
    const existing = await ports.applications.findByApplicant(areaId, answers.email);
    if (!existing) return LOST_RACE;
    // The same answers again are a double click or a retried request, not someone else.
    if (sameAnswers(existing.answers, answers)) return { outcome: 'unchanged', area, application: existing };
    return emailOwnLink(ports, area, existing, at);
  }, () => new ConcurrentChangeError('Your application'));

  if (result.outcome === 'unchanged' && ports.savedApplications) {
    // Sent again: the stream acted on the application when it was first stored, but the address may have saved since.
    await forgetSavedApplications({ savedApplications: ports.savedApplications }, areaId, answers.email);
  }
  const applicationId = result.outcome === 'link-sent' ? undefined : result.application.applicationId;
  ports.log('INFO', 'application submitted', { areaId, applicationId, outcome: result.outcome });
  return result;
}

/** Changes nothing, and emails the address that applied a new link to its own application. */
async function emailOwnLink(ports: SubmitApplicationPorts, area: Area, application: Application, at: string): Promise<SubmissionResult> {
  await takeEmailAllowance(ports, application.answers.email);
  const { url, link } = newEmailedLink(ports, applicationLink(area, application.applicationId));
  const email = applicantEmails.appliedAgain(area, application, { url, expiresAt: link.link.expiresAt }, at);
  await ports.outbox.enqueue(email, at, link);
  return { outcome: 'link-sent', area, email };
}

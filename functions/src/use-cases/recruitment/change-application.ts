import {
  ConcurrentChangeError,
  EmailLimitReachedError,
  LOST_RACE,
  NotFoundError,
  emailAllowance,
  keepingEmail,
  parseApplicationAnswers,
  refuseUnlessRecruiting,
  sameAnswers,
  takeTurns,
  type Application,
  type Ports,
} from '@pip/domain';
import { applicantEmails } from '@pip/mail';
import { formSenders, timelineEntry } from '../timeline/timeline-entry';
import type { OpenOwnApplication } from './own-application';

export type ChangeApplicationPorts = Pick<Ports, 'applications' | 'links' | 'clock' | 'log'>;

export interface ChangeResult {
  outcome: 'updated' | 'unchanged';
  application: Application;
}

/**
 * The applicant changes their answers through their own link while applications are open. The
 * change is stored with an "updated" email to them, counted against their address's daily
 * allowance, in one transaction; the table's stream sends the email once stored (the minute's
 * delivery if the stream fails). The same answers again change nothing and send nothing.
 */
export async function changeApplication(ports: ChangeApplicationPorts, own: OpenOwnApplication, input: unknown): Promise<ChangeResult> {
  const { area, link, token } = own;
  const now = ports.clock.now();
  refuseUnlessRecruiting(area, now);
  const at = now.toISOString();
  // The link they used is the one the email gives back: they keep one link, however often they change.
  const ownLink = { url: ports.links.personal('application', token), expiresAt: link.expiresAt };

  // The first turn decides on the application as opening the link read it, from the reference index
  // beside the link (one round trip): a change is written at that version, so a copy a moment old only
  // loses the race, and the next turn reads the item itself, consistently. "Unchanged" writes nothing,
  // so it is said only of the item itself, never of the copy.
  let opened: Application | undefined = own.application;
  const result = await takeTurns<ChangeResult>(async () => {
    const fromCopy = opened !== undefined;
    const current = opened ?? (await ports.applications.findByReference(area.areaId, link.applicationId));
    opened = undefined;
    if (!current) throw new NotFoundError('Application');
    const answers = parseApplicationAnswers(keepingEmail(current, input));
    if (sameAnswers(current.answers, answers)) return fromCopy ? LOST_RACE : { outcome: 'unchanged', application: current };
    const allowance = emailAllowance(answers.email, now);
    const application: Application = { ...current, answers, updatedAt: at, version: current.version + 1 };
    const email = applicantEmails.applicationUpdated(area, application, ownLink);
    const audit = timelineEntry(ports.clock, area.areaId, {
      kind: 'form',
      actor: formSenders.applicant,
      action: 'Application changed',
      summary: `The applicant changed their answers through their own link (version ${application.version}).`,
      subjects: [application.applicationId],
      at,
    });
    const write = await ports.applications.update(application, current.version, { email, allowance, audit });
    if (write === 'limit-reached') throw new EmailLimitReachedError(allowance.limit);
    return write === 'written' ? { outcome: 'updated', application } : LOST_RACE;
  }, () => new ConcurrentChangeError('Your application'));

  ports.log('INFO', 'application changed', { areaId: area.areaId, applicationId: link.applicationId, outcome: result.outcome });
  return { outcome: result.outcome, application: result.application };
}

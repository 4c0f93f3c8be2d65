import { ConflictError, NotFoundError, parseCorrectedEmail, type Actor, type OutboundEmail, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

export type CorrectEmailPorts = Pick<Ports, 'applications' | 'unreachable' | 'emailTracking' | 'audit' | 'delivery' | 'clock'>;

/**
 * Staff correct the address of an applicant the platform could not reach, after checking it with
 * them. The application moves to the new address, and the email that did not arrive is sent
 * there, in one write; the change is audited. The old address keeps its record of what failed.
 */
export async function correctApplicantEmail(
  ports: CorrectEmailPorts,
  areaId: string,
  applicationId: string,
  input: unknown,
  actor: Actor,
): Promise<{ resent?: string }> {
  const application = await ports.applications.findByReference(areaId, applicationId);
  if (!application) throw new NotFoundError('Application');
  const previous = application.answers.email;
  const address = parseCorrectedEmail(input, previous);

  const unreachable = await ports.unreachable.find(previous);
  const failed = unreachable ? await ports.emailTracking.get(unreachable.messageId) : undefined;
  const now = ports.clock.now().toISOString();
  const version = application.version + 1;
  const resent: OutboundEmail | undefined = failed && {
    messageId: `${failed.messageId}-to-${version}`,
    to: address,
    subject: failed.subject,
    text: failed.text,
    html: failed.html,
    ...(failed.calendar ? { calendar: failed.calendar } : {}),
    ...(failed.notAfter ? { notAfter: failed.notAfter } : {}),
  };
  const corrected = { ...application, answers: { ...application.answers, email: address }, updatedAt: now, version };
  const written = await ports.applications.moveToAddress(corrected, previous, application.version, resent);
  if (written === 'address-taken') throw new ConflictError('Another applicant in this area has that email address.', 'email');
  if (written === 'lost-race') throw new ConflictError('The application changed while you were correcting it. Check it and try again.', 'email');
  await ports.audit.record(
    auditEntry(ports.clock, areaId, actor, 'Email address corrected', `${application.answers.fullName}: ${previous} corrected to ${address}${resent ? `; “${resent.subject}” sent again` : ''}.`),
  );
  if (resent) await ports.delivery.sendNow(resent.messageId);
  return resent ? { resent: resent.subject } : {};
}

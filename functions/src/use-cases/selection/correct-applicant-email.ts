import { ConflictError, NotFoundError, applicantKey, parseCorrectedEmail, periodInWords, retentionDueAt, retentionRule, type Actor, type OutboundEmail, type Ports, type StoredEmail } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

export type CorrectEmailPorts = Pick<Ports, 'applications' | 'unreachable' | 'emailTracking' | 'clock'>;

/**
 * Staff correct the address of an applicant the platform could not reach, after checking it with
 * them. The application moves to the new address, with its timeline entry and the email that did
 * not arrive sent there, in one write. The old address keeps its record of what failed. The page
 * says which address it showed (`previous`) and which email failed there (`failed`): read by their
 * keys beside each other, in one round trip, and read again only where they no longer hold.
 */
export async function correctApplicantEmail(
  ports: CorrectEmailPorts,
  areaId: string,
  applicationId: string,
  form: { email?: unknown; previous?: string; failed?: string },
  actor: Actor,
): Promise<{ resent?: string; wordingGone?: true; already?: true }> {
  const shown = form.previous;
  // Only what could be a key is read by: anything else the page never sent is simply not used.
  const [atShown, unreachableShown, failedShown] = await Promise.all([
    keyable(shown) ? ports.applications.findByApplicant(areaId, shown) : undefined,
    keyable(shown) ? ports.unreachable.find(shown) : undefined,
    keyable(form.failed) ? ports.emailTracking.get(form.failed) : undefined,
  ]);
  const application = atShown?.applicationId === applicationId ? atShown : await ports.applications.findByReference(areaId, applicationId);
  if (!application) throw new NotFoundError('Application');
  const previous = application.answers.email;
  // An application already moved from the address shown to the address posted is this correction made
  // already (a double click, or a colleague's), not a mistake to point out.
  if (shown !== undefined && typeof form.email === 'string' && applicantKey(shown) !== applicantKey(previous) && applicantKey(form.email) === applicantKey(previous)) return { already: true };
  const address = parseCorrectedEmail(form.email, previous);

  const unreachable = shown !== undefined && applicantKey(shown) === applicantKey(previous) ? unreachableShown : await ports.unreachable.find(previous);
  const failed = !unreachable ? undefined : failedShown?.messageId === unreachable.messageId ? failedShown : await ports.emailTracking.get(unreachable.messageId);
  // Past the retention period the wording is gone: the address is still corrected, and staff told to send a new link.
  const wordingGone = failed !== undefined && !stillWorded(failed, ports.clock.now());
  const now = ports.clock.now().toISOString();
  const version = application.version + 1;
  const resent: OutboundEmail | undefined = failed && !wordingGone ? {
    messageId: `${failed.messageId}-to-${version}`,
    to: address,
    subject: failed.subject,
    text: failed.text,
    html: failed.html,
    ...(failed.calendar ? { calendar: failed.calendar } : {}),
    ...(failed.notAfter ? { notAfter: failed.notAfter } : {}),
    areaId,
    applicationId: application.applicationId,
  } : undefined;
  const corrected = { ...application, answers: { ...application.answers, email: address }, updatedAt: now, version };
  const summary = `${application.answers.fullName}: ${previous} corrected to ${address}${resent ? `; “${resent.subject}” sent again` : ''}${wordingGone ? `; the email that did not arrive is older than ${periodInWords(retentionRule('email-content').days)}, so its wording is no longer kept: send a new link if they need one` : ''}.`;
  const entry = { ...auditEntry(ports.clock, areaId, actor, 'Email address corrected', summary), subjects: [application.applicationId] };
  // With its timeline entry and the email sent again, which the table's stream sends once stored.
  const written = await ports.applications.moveToAddress(corrected, previous, application.version, entry, resent);
  if (written === 'address-taken') throw new ConflictError('Another applicant in this area has that email address.', 'email');
  if (written === 'lost-race') {
    // A colleague's identical correction, landed first, is this one made: answered as done, as a later double click is.
    const now = await ports.applications.findByReference(areaId, applicationId);
    if (now && applicantKey(now.answers.email) === applicantKey(address)) return { already: true };
    throw new ConflictError('The application changed while you were correcting it. Check it and try again.', 'email');
  }
  return resent ? { resent: resent.subject } : wordingGone ? { wordingGone: true } : {};
}

/** Short enough to be (part of) a table key: the longest address is 254 characters. */
const keyable = (value: string | undefined): value is string => value !== undefined && value !== '' && value.length <= 254;

/**
 * Whether the email's wording is still kept to send again: the retention schedule removes it a set
 * time after it was sent, whether or not the daily pass has run yet.
 */
function stillWorded(email: StoredEmail, now: Date): boolean {
  const dueAt = retentionDueAt(retentionRule('email-content'), email.sentAt ?? email.createdAt);
  return email.text !== '' && now.getTime() < Date.parse(dueAt);
}

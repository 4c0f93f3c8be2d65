import type { HeldEmail, PersonRecord, Ports } from '@pip/domain';
import { subjectOfTemplate } from '@pip/mail';
import { personAddress } from './person-address';

/** Whether the platform holds anything at all about the address. */
export function holdsNothing(record: PersonRecord): boolean {
  return [record.applications, record.emails, record.links, record.nominations, record.unreachable].every((list) => list.length === 0);
}

/**
 * An email as the record shows it: one still waiting as its template shows the subject it will be sent
 * with, worded as delivery will word it; the template itself (whose facts carry the link) is not shown.
 */
export function shownEmail({ template, ...email }: HeldEmail): HeldEmail {
  if (!template || email.subject) return email;
  return { ...email, subject: subjectOfTemplate(email.to, template) ?? email.subject };
}

/**
 * Everything the platform holds about the person of an email address, in every area, for their
 * subject access request: one read across the stores, within one request. An address the platform
 * does not know is an empty record, not an error.
 */
export async function exportPerson(ports: Pick<Ports, 'people'>, typed: string | undefined): Promise<PersonRecord> {
  const record = await ports.people.gather(personAddress(typed));
  return { ...record, emails: record.emails.map(shownEmail) };
}

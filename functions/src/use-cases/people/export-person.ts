import type { PersonRecord, Ports } from '@pip/domain';
import { personAddress } from './person-address';

/** Whether the platform holds anything at all about the address. */
export function holdsNothing(record: PersonRecord): boolean {
  return [record.applications, record.emails, record.links, record.nominations, record.unreachable].every((list) => list.length === 0);
}

/**
 * Everything the platform holds about the person of an email address, in every area, for their
 * subject access request: one read across the stores, within one request. An address the platform
 * does not know is an empty record, not an error.
 */
export async function exportPerson(ports: Pick<Ports, 'people'>, typed: string | undefined): Promise<PersonRecord> {
  return ports.people.gather(personAddress(typed));
}

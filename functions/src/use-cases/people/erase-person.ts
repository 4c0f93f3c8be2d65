import type { Actor, PersonErasure, Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { personAddress } from './person-address';
import { removalsInWords } from './removal-words';

/** What an erasure did in one area, in words, as the result page shows it. */
export interface AreaErased {
  areaId: string;
  areaName: string;
  pseudonym: string;
  applicationId?: string;
  removals: string[];
}

export interface PersonErased {
  areas: AreaErased[];
  /** What belonged to no area: an address's delivery problems, its daily counts. */
  elsewhere: string[];
  /** Nothing was held (or it was erased already): nothing changed. */
  nothingHeld: boolean;
}

export const ERASURE_ACTION = 'Person erased on request';

/**
 * Erases the person of an email address on request: every application of theirs pseudonymised,
 * their name and addresses replaced everywhere, emails emptied, links and nominations removed, and
 * every figure the programme reports unchanged. Each area affected gets one timeline entry saying
 * who erased whom (by pseudonym, never by name) and how many records of each kind changed. Erasing
 * the same address again finds nothing and records nothing.
 */
export async function erasePerson(ports: Pick<Ports, 'people' | 'audit' | 'areas' | 'clock'>, typed: string | undefined, actor: Actor): Promise<PersonErased> {
  const address = personAddress(typed);
  const erasure: PersonErasure = await ports.people.erasePerson(address, actor, ports.clock.now().toISOString());
  const areas: AreaErased[] = [];
  for (const area of erasure.areas) {
    const removals = removalsInWords(area.counts);
    if (removals.length === 0) continue;
    const who = area.applicationId ? `${area.pseudonym} (application ${area.applicationId})` : area.pseudonym;
    await ports.audit.record({
      ...auditEntry(ports.clock, area.areaId, actor, ERASURE_ACTION, `${who} erased at their request: ${removals.join('; ')}.`),
      kind: 'erasure',
      ...(area.applicationId ? { subjects: [area.applicationId] } : {}),
    });
    areas.push({ areaId: area.areaId, areaName: (await ports.areas.get(area.areaId))?.name ?? area.areaId, pseudonym: area.pseudonym, ...(area.applicationId ? { applicationId: area.applicationId } : {}), removals });
  }
  const elsewhere = removalsInWords(erasure.elsewhere);
  return { areas, elsewhere, nothingHeld: areas.length === 0 && elsewhere.length === 0 };
}

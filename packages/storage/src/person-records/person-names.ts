import { createHash } from 'node:crypto';
import { ERASED_ADDRESS_DOMAIN } from '@pip/domain';

// How the records name a person and what stands for them once erased: read by the record, the search for mentions and the erasure alike.

/** The name and address that stand for the person of one application once they are erased: stable, so a second pass finds the same. */
export function pseudonymOf(applicationId: string): { name: string; email: string } {
  const short = createHash('sha256').update(applicationId).digest('hex').slice(0, 8).toUpperCase();
  return { name: `Person ${short}`, email: `person-${short.toLowerCase()}@${ERASED_ADDRESS_DOMAIN}` };
}

/** Who is being erased, as the records name them, and what stands for them afterwards. */
export interface Person {
  applicationId?: string;
  names: string[];
  addresses: string[];
  pseudonym: { name: string; email: string };
}

/** Whether any string in the value mentions one of `needles` (lower-cased), whatever the case. */
export function mentions(value: unknown, needles: readonly string[]): boolean {
  const text = JSON.stringify(value ?? '').toLowerCase();
  return needles.some((needle) => needle.length > 1 && text.includes(needle));
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A name as an email's HTML part writes it. */
export function htmlEscaped(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => HTML_ENTITIES[character]!);
}

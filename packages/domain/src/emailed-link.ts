import { identifierShapes } from './identifiers';

/**
 * Why a link from an email does not open: it is not whole or not known, it has run out, or it was
 * for a member of a group its holder has since left.
 */
export type LinkProblem = 'unknown' | 'expired' | 'left-group';

/** What a link's token names beside its secret: the area, and the application for a link sent to one person. */
export interface LinkSubject {
  areaId: string;
  applicationId?: string;
}

/** A link's secret: 256 random bits in base64url (a partner's nomination link's too). */
export const LINK_SECRET = /^[\w-]{43}$/u;

/**
 * A link's token: its secret (256 random bits in base64url), then what it opens, joined by dots, so
 * the page behind it can read the link and what it opens side by side in one round trip. The names
 * grant nothing: the link is stored under the hash of the whole token, so a token whose names were
 * changed is no link at all.
 */
export function linkToken(secret: string, subject: LinkSubject): string {
  // A name that could not be read back from the address is left out: the token then names less, and still opens its link.
  if (!identifierShapes.areaId!.fits(subject.areaId)) return secret;
  const applicationId = subject.applicationId && identifierShapes.applicationId!.fits(subject.applicationId) ? [subject.applicationId] : [];
  return [secret, subject.areaId, ...applicationId].join('.');
}

/** Whether a token can be a link's: a secret alone (as tokens were first made), or a secret with what it opens. */
export function isLinkToken(token: string): boolean {
  const [secret, areaId, applicationId, ...rest] = token.split('.');
  return (
    LINK_SECRET.test(secret ?? '') &&
    rest.length === 0 &&
    (areaId === undefined || identifierShapes.areaId!.fits(areaId)) &&
    (applicationId === undefined || identifierShapes.applicationId!.fits(applicationId))
  );
}

/** What a token names, if it names anything (a token of a secret alone names nothing). */
export function linkSubjectOf(token: string): LinkSubject | undefined {
  if (!isLinkToken(token)) return undefined;
  const [, areaId, applicationId] = token.split('.');
  return areaId ? { areaId, ...(applicationId ? { applicationId } : {}) } : undefined;
}

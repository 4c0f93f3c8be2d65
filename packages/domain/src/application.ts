import type { ApplicationAnswers } from './application-form';
import { ValidationError } from './errors';
import { emailAddress } from './field-schemas';
import { RecruitmentNotOpenError, outcomeDueBy, recruitmentState, type Area } from './area';
import type { EmailedLink } from './ports/messages';
import type { Sector } from './selection';

/** One person's application to take part in one area's programme. */
export interface Application {
  /** The reference number the applicant is given, like PIP-7K3F-Q9XM. */
  applicationId: string;
  areaId: string;
  answers: ApplicationAnswers;
  submittedAt: string;
  updatedAt: string;
  /** Counts accepted submissions; guards against two updates overwriting each other. */
  version: number;
  /** Present when a partner organisation put the applicant forward. */
  nomination?: Nomination;
}

export const nominatingBodies = {
  acre: 'ACRE',
  bassac: 'bassac',
  'community-matters': 'Community Matters',
  nacvs: 'NACVS',
  'changeup-consortium': 'Local ChangeUp consortium',
} as const;

export type NominatingBody = keyof typeof nominatingBodies;

export interface Nomination {
  body: NominatingBody;
  /** The consortium's name, for a local ChangeUp consortium. */
  bodyName?: string;
  nominatorName: string;
  nominatorEmail: string;
  /** Why they put the applicant forward, in their words. */
  reason?: string;
  nominatedAt: string;
}

/** An applicant is identified within an area by their email address, whatever its case. */
export function applicantKey(email: string): string {
  return email.trim().toLowerCase();
}

export function sameAnswers(a: ApplicationAnswers, b: ApplicationAnswers): boolean {
  return JSON.stringify(sortedEntries(a)) === JSON.stringify(sortedEntries(b));
}

function sortedEntries(answers: ApplicationAnswers): [string, unknown][] {
  return Object.entries(answers)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

// Crockford's base32 leaves out I, L, O and U, so a reference read over the phone is unambiguous.
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newApplicationReference(random: (bytes: number) => Uint8Array): string {
  const symbols = [...random(8)].map((byte) => REFERENCE_ALPHABET[byte % 32]).join('');
  return `PIP-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

export const APPLICATION_REFERENCE_PATTERN = /^PIP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/u;

/**
 * What a submission did. `unchanged` is a repeat of the same answers, such as a double click:
 * nothing is stored or sent. `link-sent` is a submission for an address that has applied already:
 * nothing is stored, and the address is emailed a link to its own application, since whoever sent
 * the answers may not be the person the address belongs to.
 */
export type SubmissionOutcome = 'received' | 'updated' | 'unchanged' | 'link-sent';

/**
 * The applicant's own link to their application: it shows what they sent, and changes it while
 * applications are open. It lasts until the outcome is due, so that after applications close the
 * applicant can still see what they sent until they hear the result.
 */
export function applicationLink(area: Area, applicationId: string): EmailedLink & { applicationId: string } {
  return { purpose: 'application', areaId: area.areaId, applicationId, expiresAt: outcomeDueBy(area).toISOString() };
}

/**
 * The answers of a change through the applicant's own link: the email address stays the one the
 * application was made with, since it is how the applicant is known (and where their link went).
 */
export function keepingEmail(application: Application, input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return { ...input, email: application.answers.email };
}

/** Applications are accepted only while the area's recruitment window is open. */
export function refuseUnlessRecruiting(area: Area, now: Date): void {
  const state = recruitmentState(area, now);
  if (state !== 'open') throw new RecruitmentNotOpenError(area, state);
}

/** How many applications came from each sector. */
export function applicationsBySector(applications: readonly Application[]): Record<Sector, number> {
  const counts: Record<Sector, number> = { 'local-authority': 0, 'voluntary-community': 0 };
  for (const application of applications) counts[application.answers.sector] += 1;
  return counts;
}

/** An applicant as the audit log names them: their name and reference, so two people of one name stay apart. */
export function applicantLabel(application: Application): string {
  return `${application.answers.fullName} (${application.applicationId})`;
}

// Marked pure: a module that imports only the applicant key from this file then bundles no zod.
const correctedAddress = /* @__PURE__ */ emailAddress('Enter the corrected email address in the correct format, like name@example.org');

/** The address staff give when they correct one the platform could not reach: checked as the application form checks it. */
export function parseCorrectedEmail(input: unknown, current: string): string {
  const parsed = correctedAddress.safeParse(input);
  if (!parsed.success) throw ValidationError.of('email', parsed.error.issues[0]?.message ?? 'Enter the corrected email address');
  if (applicantKey(parsed.data) === applicantKey(current)) throw ValidationError.of('email', 'That is the address the platform already has. Enter the corrected one.');
  return parsed.data;
}

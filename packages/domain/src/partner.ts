import * as z from 'zod/mini';
import { nominatingBodies, type NominatingBody } from './application';
import { recruitmentState, type Area } from './area';
import { DAY } from './durations';
import { ValidationError, type FieldError } from './errors';
import { answeredWhenNeeded, choice, emailAddress, optionalText, requiredText } from './field-schemas';
import { areaIdFrom } from './new-area';
import { toFieldErrors } from './parse-answers';
import { regionIds, regionName, type RegionId } from './regions';
import type { Actor } from './staff';
import { formatUkDate } from './uk-time';
import { LINK_SECRET } from './emailed-link';

/**
 * A partner organisation may put candidates forward: one of the four national infrastructure
 * organisations, or a local ChangeUp consortium for its own area(s) or region. Each gets a
 * personal link from staff; nobody else can nominate.
 */
export const partnerRules = {
  /**
   * How long a partner's link works unless staff withdraw it: the length of the programme (about
   * fifty areas, region by region, over two years). Staff send a new link if the programme runs on.
   */
  linkLastsDays: 730,
} as const;

export const nationalBodies = ['acre', 'bassac', 'community-matters', 'nacvs'] as const satisfies readonly NominatingBody[];
export type NationalBody = (typeof nationalBodies)[number];

/** Why a partner's link stopped working before it ran out. */
export type WithdrawnBecause = 'revoked' | 'replaced';

/** One link staff issued to a partner; the token itself is emailed and stored only as its hash. */
export interface PartnerLinkIssue {
  /** The partner's first link is 1, its next 2: a token names its link by this number. */
  number: number;
  issuedAt: string;
  issuedBy: Actor;
  expiresAt: string;
  withdrawn?: { at: string; by: Actor; because: WithdrawnBecause };
}

export interface Partner {
  /** The national body's own key (`acre`), or `changeup-` and the consortium's name in the form of an address. */
  partnerId: string;
  organisation: string;
  kind: NominatingBody;
  /** The areas a local ChangeUp consortium nominates for; or else `regionId`, its whole region. */
  areaIds?: string[];
  regionId?: RegionId;
  contactName: string;
  contactEmail: string;
  /** Every link issued, oldest first: only the last can still work, and none is ever forgotten. */
  links: PartnerLinkIssue[];
  /** Counts accepted writes; guards against two staff members overwriting each other. */
  version: number;
}

/** A nomination as staff see it on the partner: whom they put forward, for which area, and why. */
export interface PartnerNomination {
  partnerId: string;
  areaId: string;
  candidateName: string;
  candidateEmail: string;
  candidateOrganisation: string;
  candidateJobTitle?: string;
  reason: string;
  nominatedAt: string;
}

/** Why a nomination link does not open: not a link of ours, withdrawn by staff (or replaced), or run out. */
export type PartnerLinkProblem = 'unknown' | 'withdrawn' | 'expired';

const isNationalBody = (kind: NominatingBody) => (nationalBodies as readonly string[]).includes(kind);

const consortium = (answers: { kind?: NominatingBody }) => answers.kind === 'changeup-consortium';

/** What staff give when they issue a partner's link; the staff page asks it in this order. */
export const partnerSchema = z
  .object({
    kind: choice(nominatingBodies, 'Select the kind of partner'),
    organisation: optionalText(150, 'The consortium name must be 150 characters or fewer'),
    areaIds: z.optional(z.array(z.string())),
    regionId: z.optional(z.enum(regionIds, { error: 'Select one of the nine regions' })),
    contactName: requiredText('Enter the name of the person at the partner who will nominate', 100, 'The name must be 100 characters or fewer'),
    contactEmail: emailAddress('Enter the contact’s email address in the correct format, like name@example.org'),
  })
  .check(
    answeredWhenNeeded('organisation', 'Enter the name of the local ChangeUp consortium', (answers) => !consortium(answers) || Boolean(answers.organisation)),
    answeredWhenNeeded(
      'areaIds',
      'Select the areas the consortium covers, or its region',
      (answers) => !consortium(answers) || Boolean(answers.areaIds?.length) || answers.regionId !== undefined,
    ),
    answeredWhenNeeded(
      'regionId',
      'Select the consortium’s areas or its region, not both',
      (answers) => !consortium(answers) || !(answers.areaIds?.length && answers.regionId),
    ),
  );

export type PartnerAnswers = z.infer<typeof partnerSchema>;
/** The fields in the order the page asks them, which is the order its errors are listed in. */
export const partnerFields: readonly (keyof PartnerAnswers)[] = ['kind', 'organisation', 'areaIds', 'regionId', 'contactName', 'contactEmail'];

const fieldOrder = (field: string) => partnerFields.indexOf(field as keyof PartnerAnswers);

/**
 * The partner staff described, checked against the areas there are. A national body is named by
 * its kind and nominates for any area, so a consortium's name and coverage are dropped for one.
 */
export function parsePartner(input: Record<string, unknown>, knownAreaIds: readonly string[]): PartnerAnswers {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0)));
  const result = partnerSchema.safeParse(given);
  const errors: FieldError[] = result.success ? [] : toFieldErrors(result.error.issues);
  const unknownArea = input.kind === 'changeup-consortium' && [input.areaIds].flat().some((id) => typeof id === 'string' && !knownAreaIds.includes(id));
  if (unknownArea && !errors.some((error) => error.field === 'areaIds')) errors.push({ field: 'areaIds', message: 'Select areas from the list' });
  // The consortium is known by its name in the form of an address, so the name needs a letter or digit.
  if (result.success && nameMakesNoId(result.data)) errors.push({ field: 'organisation', message: 'Enter a consortium name with letters or numbers in it' });
  if (!result.success || errors.length > 0) throw new ValidationError(errors.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field)));
  const { kind, contactName, contactEmail } = result.data;
  return isNationalBody(kind) ? { kind, contactName, contactEmail } : result.data;
}

const nameMakesNoId = (answers: PartnerAnswers) => consortium(answers) && areaIdFrom(answers.organisation ?? '') === '';

/** One partner per national body, and one per consortium name: issuing to the same one again replaces its link. */
export function partnerIdOf(answers: Pick<PartnerAnswers, 'kind' | 'organisation'>): string {
  return isNationalBody(answers.kind) ? answers.kind : `changeup-${areaIdFrom(answers.organisation ?? '')}`;
}

const PARTNER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** Whether an address's partner id could be one, so that no store is asked for a key it would refuse. */
export function partnerIdFits(text: string): boolean {
  return text.length <= 200 && PARTNER_ID.test(text);
}


/**
 * A partner's nomination link token: its secret, then the partner's id, so that the form behind it
 * reads the link and the partner side by side in one round trip. The id grants nothing: the link is
 * stored under the hash of the whole token.
 */
export function partnerLinkToken(secret: string, partnerId: string): string {
  return partnerIdFits(partnerId) ? `${secret}.${partnerId}` : secret;
}

/** Whether a token can be a partner link's: a secret alone (as they were first made), or with the partner's id. */
export function isPartnerLinkToken(token: string): boolean {
  const [secret, partnerId, ...rest] = token.split('.');
  return LINK_SECRET.test(secret ?? '') && rest.length === 0 && (partnerId === undefined || partnerIdFits(partnerId));
}

/** The partner a token names, if it names one. */
export function partnerNamedBy(token: string): string | undefined {
  return isPartnerLinkToken(token) ? token.split('.')[1] : undefined;
}

const withdraw = (link: PartnerLinkIssue, at: string, by: Actor, because: WithdrawnBecause): PartnerLinkIssue =>
  link.withdrawn ? link : { ...link, withdrawn: { at, by, because } };

/**
 * The partner with a new link issued now, its details as staff gave them; a link it had before
 * stops working, as replaced. A partner issued anew after being withdrawn nominates again.
 */
export function partnerWithNewLink(existing: Partner | undefined, answers: PartnerAnswers, by: Actor, now: Date): Partner {
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + partnerRules.linkLastsDays * DAY).toISOString();
  const issued: PartnerLinkIssue = { number: (existing?.links.length ?? 0) + 1, issuedAt: at, issuedBy: by, expiresAt };
  return {
    partnerId: partnerIdOf(answers),
    organisation: answers.organisation ?? nominatingBodies[answers.kind],
    kind: answers.kind,
    ...(answers.areaIds?.length ? { areaIds: [...new Set(answers.areaIds)] } : {}),
    ...(answers.regionId ? { regionId: answers.regionId } : {}),
    contactName: answers.contactName,
    contactEmail: answers.contactEmail,
    links: [...(existing?.links ?? []).map((link) => withdraw(link, at, by, 'replaced')), issued],
    version: (existing?.version ?? 0) + 1,
  };
}

/** The partner with its link withdrawn now; undefined when no link of theirs still works, so there is nothing to withdraw. */
export function partnerWithdrawn(partner: Partner, by: Actor, now: Date): Partner | undefined {
  const current = partner.links.at(-1);
  if (!current || partnerLinkState(partner, current.number, now) !== 'live') return undefined;
  return { ...partner, links: [...partner.links.slice(0, -1), withdraw(current, now.toISOString(), by, 'revoked')], version: partner.version + 1 };
}

/** Whether the partner's link of this number still works: only the last one issued can, until withdrawn or run out. */
export function partnerLinkState(partner: Partner, linkNumber: number, now: Date): 'live' | PartnerLinkProblem {
  const index = partner.links.findIndex((link) => link.number === linkNumber);
  const link = partner.links[index];
  if (!link) return 'unknown';
  if (link.withdrawn || index !== partner.links.length - 1) return 'withdrawn';
  return Date.parse(link.expiresAt) <= now.getTime() ? 'expired' : 'live';
}

/** A national body nominates for any area; a local ChangeUp consortium only for its own areas, or its region's. */
export function partnerCovers(partner: Pick<Partner, 'kind' | 'areaIds' | 'regionId'>, area: Area): boolean {
  if (isNationalBody(partner.kind)) return true;
  return (partner.areaIds ?? []).includes(area.areaId) || partner.regionId === area.regionId;
}

/** The areas the partner may nominate for today: those it covers that are open for applications, by name. */
export function areasOpenToPartner(partner: Pick<Partner, 'kind' | 'areaIds' | 'regionId'>, areas: readonly Area[], now: Date): Area[] {
  return areas
    .filter((area) => partnerCovers(partner, area) && recruitmentState(area, now) === 'open')
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Where a partner nominates, in words for its email and the staff page. */
export function partnerCoverage(partner: Pick<Partner, 'kind' | 'areaIds' | 'regionId'>, areas: readonly Area[]): string {
  if (isNationalBody(partner.kind)) return 'any area taking applications';
  if (partner.regionId) return `areas in ${regionName(partner.regionId)}`;
  const names = (partner.areaIds ?? []).map((areaId) => areas.find((area) => area.areaId === areaId)?.name ?? areaId);
  return names.length < 2 ? (names[0] ?? 'no area') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Where the partner's link stands today, in words for staff. */
export function partnerLinkStatus(partner: Partner, now: Date): { state: 'live' | PartnerLinkProblem; text: string } {
  const current = partner.links.at(-1);
  if (!current) return { state: 'unknown', text: 'No link issued' };
  const state = partnerLinkState(partner, current.number, now);
  const issued = `Issued ${formatUkDate(current.issuedAt)} by ${current.issuedBy.name}`;
  if (current.withdrawn) return { state, text: `${issued}; withdrawn ${formatUkDate(current.withdrawn.at)} by ${current.withdrawn.by.name}` };
  if (state === 'expired') return { state, text: `${issued}; ran out ${formatUkDate(current.expiresAt)}` };
  return { state, text: `${issued}; works until ${formatUkDate(current.expiresAt)}` };
}

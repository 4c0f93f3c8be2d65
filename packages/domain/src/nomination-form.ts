import * as z from 'zod/mini';
import type { Nomination } from './application';
import type { Area } from './area';
import { ValidationError } from './errors';
import { emailAddress, field, optionalText, requiredText, words } from './field-schemas';
import type { FieldMeta } from './form-meta';
import { parseInput } from './parse-answers';
import { areasOpenToPartner, type Partner, type PartnerNomination } from './partner';
import type { EmailedLink } from './ports/messages';
import { metaOf } from './schema-input';

const MAX_REASON_WORDS = 150;

/**
 * What a partner tells us when it puts a candidate forward through its link. Who is nominating is
 * not asked: it is the partner the programme team issued the link to.
 */
export const nominationSchema = z.object({
  areaId: field(requiredText('Select the area you are nominating them for', 500, 'Select the area you are nominating them for'), {
    title: 'Which area are you nominating them for?',
    'x-input': 'radios',
  }),
  candidateName: field(requiredText('Enter the full name of the person you are nominating', 100, 'Their name must be 100 characters or fewer'), {
    title: 'Full name of the person you are nominating',
    'x-input': 'text',
  }),
  candidateEmail: field(emailAddress('Enter their email address in the correct format, like name@example.org'), {
    title: 'Their email address',
    description: 'We will email them a link to an application form with these details filled in.',
    'x-input': 'email',
  }),
  candidateOrganisation: field(requiredText('Enter the name of their organisation', 150, 'Their organisation must be 150 characters or fewer'), {
    title: 'Their organisation',
    'x-input': 'text',
  }),
  candidateJobTitle: field(optionalText(150, 'Their job title must be 150 characters or fewer'), {
    title: 'Their job title (optional)',
    'x-input': 'text',
  }),
  reason: field(
    words('Tell us why you are nominating them', MAX_REASON_WORDS, `Why you are nominating them must be ${MAX_REASON_WORDS} words or fewer`),
    {
      title: 'Why are you nominating them?',
      description: `What they would bring to the partnership in their area. Up to ${MAX_REASON_WORDS} words. Only the programme team sees this.`,
      'x-input': 'textarea',
      'x-max-words': MAX_REASON_WORDS,
    },
  ),
});

export type NominationAnswers = z.infer<typeof nominationSchema>;
export type NominationField = keyof NominationAnswers;
export const nominationFields = Object.keys(nominationSchema.shape) as NominationField[];

export function nominationFieldMeta(name: NominationField): FieldMeta {
  return metaOf(nominationSchema.shape[name]);
}

// An area the partner does not cover, or that is not taking applications, is answered as one not on its list.
const notAnOpenArea = { field: 'areaId', message: 'Select one of the areas listed' };

/** The answers, and the area they name, which must be one the partner covers and open for applications now. */
export function parseNomination(partner: Partner, areas: readonly Area[], input: unknown, now: Date): { answers: NominationAnswers; area: Area } {
  const posted = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const areaId = typeof posted.areaId === 'string' ? posted.areaId.trim() : '';
  const area = areasOpenToPartner(partner, areas, now).find((open) => open.areaId === areaId);
  try {
    const answers = parseInput(nominationSchema, input);
    if (area) return { answers, area };
  } catch (error) {
    if (!(error instanceof ValidationError) || area || areaId === '') throw error;
    throw new ValidationError([notAnOpenArea, ...error.fieldErrors.filter((problem) => problem.field !== 'areaId')]);
  }
  throw new ValidationError([notAnOpenArea]);
}

/** The nomination as the application records it: the partner that put the applicant forward, its contact, and why. */
export function nominationOf(partner: Partner, answers: NominationAnswers, nominatedAt: string): Nomination {
  return {
    body: partner.kind,
    bodyName: partner.organisation,
    nominatorName: partner.contactName,
    nominatorEmail: partner.contactEmail,
    reason: answers.reason,
    nominatedAt,
  };
}

/** The nomination as the partner's record keeps it for staff. */
export function partnerNominationOf(partner: Partner, answers: NominationAnswers, nominatedAt: string): PartnerNomination {
  const { areaId, candidateName, candidateEmail, candidateOrganisation, candidateJobTitle, reason } = answers;
  const jobTitle = candidateJobTitle ? { candidateJobTitle } : {};
  return { partnerId: partner.partnerId, areaId, candidateName, candidateEmail, candidateOrganisation, ...jobTitle, reason, nominatedAt };
}

/** The application answers a nomination fills in for the candidate; they check and complete the rest. */
export function prefilledAnswers(answers: NominationAnswers): Record<string, string> {
  return {
    fullName: answers.candidateName,
    email: answers.candidateEmail,
    organisation: answers.candidateOrganisation,
    ...(answers.candidateJobTitle ? { jobTitle: answers.candidateJobTitle } : {}),
    // The national bodies and ChangeUp consortia put forward voluntary and community sector leaders.
    sector: 'voluntary-community',
  };
}

/** What the candidate's application link carries: the nomination, and the answers it fills in. */
export type NominationDetails = {
  nomination: Nomination;
  prefill: Record<string, string>;
};

/** The link emailed to a nominated candidate: it works until applications close, as applying does. */
export function nominationLink(area: Area, partner: Partner, answers: NominationAnswers, nominatedAt: string): EmailedLink {
  const details: NominationDetails = { nomination: nominationOf(partner, answers, nominatedAt), prefill: prefilledAnswers(answers) };
  return { purpose: 'nomination', areaId: area.areaId, expiresAt: area.recruitment.closesAt, details };
}

/** The nomination a nomination link carries, as `nominationLink` stored it. */
export function nominationDetails(link: EmailedLink): NominationDetails {
  return link.details as NominationDetails;
}

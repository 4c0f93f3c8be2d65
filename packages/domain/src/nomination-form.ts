import * as z from 'zod/mini';
import { nominatingBodies, type Nomination } from './application';
import type { Area } from './area';
import { answeredWhenNeeded, choice, emailAddress, field, optionalText, requiredText, words } from './field-schemas';
import type { FieldMeta } from './form-meta';
import { parseInput } from './parse-answers';
import type { EmailedLink } from './ports/messages';
import { metaOf } from './schema-input';

const MAX_REASON_WORDS = 150;

/** What a partner organisation tells us when it puts a candidate forward. One schema for the page and its checks. */
export const nominationSchema = z
  .object({
    body: field(choice(nominatingBodies, 'Select the organisation making the nomination'), {
      title: 'Which organisation is making the nomination?',
      'x-input': 'radios',
      'x-options': nominatingBodies,
    }),
    consortiumName: field(optionalText(150, 'The consortium name must be 150 characters or fewer'), {
      title: 'Name of the local ChangeUp consortium',
      description: 'Only if you are nominating for a local ChangeUp consortium.',
      'x-input': 'text',
    }),
    nominatorName: field(requiredText('Enter your full name', 100, 'Your name must be 100 characters or fewer'), {
      title: 'Your full name',
      'x-input': 'text',
      'x-autocomplete': 'name',
    }),
    nominatorEmail: field(emailAddress('Enter your email address in the correct format, like name@example.org'), {
      title: 'Your email address',
      description: 'We will confirm the nomination to this address.',
      'x-input': 'email',
      'x-autocomplete': 'email',
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
        description: `What they would bring to the partnership in their area. Up to ${MAX_REASON_WORDS} words. We show this to them and to the programme team.`,
        'x-input': 'textarea',
        'x-max-words': MAX_REASON_WORDS,
      },
    ),
  })
  .check(
    answeredWhenNeeded('consortiumName', 'Enter the name of the local ChangeUp consortium', (answers) => answers.body !== 'changeup-consortium' || Boolean(answers.consortiumName)),
  );

export type NominationAnswers = z.infer<typeof nominationSchema>;
export type NominationField = keyof NominationAnswers;
export const nominationFields = Object.keys(nominationSchema.shape) as NominationField[];

export function nominationFieldMeta(name: NominationField): FieldMeta {
  return metaOf(nominationSchema.shape[name]);
}

export function parseNomination(input: unknown): NominationAnswers {
  const answers = parseInput(nominationSchema, input);
  if (answers.body !== 'changeup-consortium') delete answers.consortiumName;
  return answers;
}

/** The nomination as the application records it: who put the applicant forward, and why. */
export function nominationOf(answers: NominationAnswers, nominatedAt: string): Nomination {
  return {
    body: answers.body,
    ...(answers.consortiumName ? { bodyName: answers.consortiumName } : {}),
    nominatorName: answers.nominatorName,
    nominatorEmail: answers.nominatorEmail,
    reason: answers.reason,
    nominatedAt,
  };
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
export function nominationLink(area: Area, answers: NominationAnswers, nominatedAt: string): EmailedLink {
  const details: NominationDetails = { nomination: nominationOf(answers, nominatedAt), prefill: prefilledAnswers(answers) };
  return { purpose: 'nomination', areaId: area.areaId, expiresAt: area.recruitment.closesAt, details };
}

/** The nomination a nomination link carries, as `nominationLink` stored it. */
export function nominationDetails(link: EmailedLink): NominationDetails {
  return link.details as NominationDetails;
}

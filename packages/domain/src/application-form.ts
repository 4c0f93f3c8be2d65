import * as z from 'zod/mini';
import { answeredWhenNeeded, choice, emailAddress, field, optionalText, requiredText, words } from './field-schemas';
import type { FieldMeta } from './form-meta';
import { metaOf } from './schema-input';

export const MAX_WORDS = 250;

// zod/mini rather than classic zod: the same rules at a thirtieth of the bundle size.

const sectors = {
  'local-authority': 'Local authority',
  'voluntary-community': 'Voluntary and community sector',
} as const;

const roleLevels = {
  'chief-executive-or-chief-officer': 'Chief executive or chief officer',
  'director-or-assistant-chief-executive': 'Director or assistant chief executive',
  'assistant-director-or-head-of-service': 'Assistant director or head of service',
  'senior-manager': 'Senior manager or senior officer',
  'other-senior-role': 'Another senior role',
} as const;

const organisationKinds = {
  'infrastructure-body': 'Local infrastructure organisation',
  'front-line-organisation': 'Front-line organisation',
  other: 'Other',
} as const;

const yesNo = { yes: 'Yes', no: 'No' } as const;
const yesNoPreferNot = { yes: 'Yes', no: 'No', 'prefer-not-to-say': 'Prefer not to say' } as const;

/** The answers an applicant gives. One schema for the form page, the JSON API and OpenAPI. */
export const applicationAnswersSchema = z
  .object({
    fullName: field(requiredText('Enter your full name', 100, 'Full name must be 100 characters or fewer'), {
      title: 'Full name',
      'x-input': 'text',
      'x-autocomplete': 'name',
    }),
    email: field(emailAddress('Enter an email address in the correct format, like name@example.org'), {
      title: 'Email address',
      description: 'We will only use this to send you updates about your application and the programme.',
      'x-input': 'email',
      'x-autocomplete': 'email',
    }),
    phone: field(
      z.optional(
        z.string().check(z.trim(), z.regex(/^\+?[0-9 ()-]{7,20}$/u, 'Enter a telephone number, like 01632 960 001 or +44 808 157 0192')),
      ),
      { title: 'Telephone number (optional)', 'x-input': 'tel', 'x-autocomplete': 'tel' },
    ),
    organisation: field(
      requiredText('Enter the name of your organisation', 150, 'Organisation name must be 150 characters or fewer'),
      { title: 'Organisation', 'x-input': 'text', 'x-autocomplete': 'organization' },
    ),
    jobTitle: field(requiredText('Enter your job title', 150, 'Job title must be 150 characters or fewer'), {
      title: 'Job title',
      'x-input': 'text',
      'x-autocomplete': 'organization-title',
    }),
    sector: field(choice(sectors, 'Select the sector you work in'), {
      title: 'Which sector do you work in?',
      'x-input': 'radios',
      'x-options': sectors,
    }),
    roleLevel: field(choice(roleLevels, 'Select your role level'), {
      title: 'What is your role level?',
      'x-input': 'radios',
      'x-options': roleLevels,
    }),
    organisationKind: field(z.optional(choice(organisationKinds, 'Select what kind of organisation you work for')), {
      title: 'What kind of organisation do you work for?',
      description: 'Answer this if you work in the voluntary and community sector.',
      'x-input': 'radios',
      'x-options': organisationKinds,
    }),
    partnershipExperience: field(
      words(
        'Describe your experience of cross-sector partnership',
        MAX_WORDS,
        `Experience of cross-sector partnership must be ${MAX_WORDS} words or fewer`,
      ),
      {
        title: 'Your experience of cross-sector partnership',
        description: `For example, work with councils, voluntary groups or partnership boards. Up to ${MAX_WORDS} words.`,
        'x-input': 'textarea',
        'x-max-words': MAX_WORDS,
      },
    ),
    programmeHopes: field(
      words('Tell us what you want from the programme', MAX_WORDS, `What you want from the programme must be ${MAX_WORDS} words or fewer`),
      {
        title: 'What do you want from the programme?',
        description: `Up to ${MAX_WORDS} words.`,
        'x-input': 'textarea',
        'x-max-words': MAX_WORDS,
      },
    ),
    canAttendWorkshops: field(choice(yesNo, 'Select yes if you can attend four half-day workshops'), {
      title: 'Can you attend four half-day workshops over about five months?',
      description: 'Workshops are four to six weeks apart, in council and voluntary sector premises in your area.',
      'x-input': 'radios',
      'x-options': yesNo,
    }),
    accessibilityNeeds: field(optionalText(1000, 'Accessibility or other needs must be 1000 characters or fewer'), {
      title: 'Accessibility or other needs (optional)',
      description: 'Tell us anything we should arrange so that you can take part fully.',
      'x-input': 'textarea',
    }),
    bmeNetwork: field(z.optional(choice(yesNoPreferNot, 'Select whether you take part in a local BME network')), {
      title: 'Do you take part in a local black and minority ethnic (BME) network? (optional)',
      description: 'The programme pays particular attention to people from local BME networks.',
      'x-input': 'radios',
      'x-options': yesNoPreferNot,
    }),
    laaProvider: field(z.optional(choice(yesNoPreferNot, 'Select whether your organisation is an LAA provider')), {
      title: 'Is your organisation a Local Area Agreement (LAA) provider? (optional)',
      'x-input': 'radios',
      'x-options': yesNoPreferNot,
    }),
    privacyConsent: field(z.literal(true, { error: 'Confirm that you have read the privacy notice' }), {
      title: 'Privacy notice',
      description: 'Read the privacy notice to see how we use your information.',
      'x-input': 'checkbox',
      'x-checkbox-label': 'I have read the privacy notice and agree to my information being used as it describes',
    }),
  })
  .check(
    answeredWhenNeeded('organisationKind', 'Select what kind of organisation you work for', (answers) => answers.sector !== 'voluntary-community' || answers.organisationKind !== undefined),
  );

export type ApplicationAnswers = z.infer<typeof applicationAnswersSchema>;
export type ApplicationField = keyof ApplicationAnswers;

export const applicationFields = Object.keys(applicationAnswersSchema.shape) as ApplicationField[];

export function fieldMeta(name: ApplicationField): FieldMeta {
  return metaOf(applicationAnswersSchema.shape[name]);
}

/** One short page of the application form: GOV.UK's question pages, one topic each. */
export interface QuestionPage {
  pageId: string;
  /** The page's heading, and its name on the check page. */
  title: string;
  fields: readonly ApplicationField[];
}

/**
 * The application form's pages, in order, declared once: the pages draw their fields from it, each
 * page checks only its own, the check page and a saved application's link find the first page still
 * to answer from it. The privacy notice is on no page: it is agreed on the check page, when sending.
 */
export const applicationQuestionPages = [
  { pageId: 'about-you', title: 'About you', fields: ['fullName', 'email', 'phone'] },
  { pageId: 'your-role', title: 'Your role', fields: ['organisation', 'jobTitle', 'sector', 'roleLevel', 'organisationKind'] },
  { pageId: 'your-experience', title: 'Your experience', fields: ['partnershipExperience', 'programmeHopes'] },
  { pageId: 'taking-part', title: 'Taking part', fields: ['canAttendWorkshops', 'accessibilityNeeds', 'bmeNetwork', 'laaProvider'] },
] as const satisfies readonly QuestionPage[];

export type QuestionPageId = (typeof applicationQuestionPages)[number]['pageId'];

/** The one answer given on the check page rather than a question page. */
export const SENDING_FIELD = 'privacyConsent' satisfies ApplicationField;

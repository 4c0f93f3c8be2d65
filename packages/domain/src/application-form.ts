import { z } from 'zod';
import type { FieldMeta } from './form-meta';
import { countWords } from './words';

export const MAX_WORDS = 250;

const field = (meta: FieldMeta) => meta;

function requiredText(missing: string, maxLength: number, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(maxLength, tooLong);
}

function words(missing: string, maxWords: number, tooLong: string) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(maxWords * 20, tooLong)
    .refine((text) => countWords(text) <= maxWords, tooLong);
}

function choice<const T extends Record<string, string>>(options: T, missing: string) {
  const values = Object.keys(options) as [keyof T & string, ...(keyof T & string)[]];
  return z.enum(values, { error: missing });
}

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
    fullName: requiredText('Enter your full name', 100, 'Full name must be 100 characters or fewer').meta(
      field({ title: 'Full name', 'x-input': 'text', 'x-autocomplete': 'name' }),
    ),
    email: z
      .email({ error: 'Enter an email address in the correct format, like name@example.org' })
      .trim()
      .max(254, 'Email address must be 254 characters or fewer')
      .meta(
        field({
          title: 'Email address',
          description: 'We will only use this to send you updates about your application and the programme.',
          'x-input': 'email',
          'x-autocomplete': 'email',
        }),
      ),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{7,20}$/u, 'Enter a telephone number, like 01632 960 001 or +44 808 157 0192')
      .optional()
      .meta(field({ title: 'Telephone number (optional)', 'x-input': 'tel', 'x-autocomplete': 'tel' })),
    organisation: requiredText(
      'Enter the name of your organisation',
      150,
      'Organisation name must be 150 characters or fewer',
    ).meta(field({ title: 'Organisation', 'x-input': 'text', 'x-autocomplete': 'organization' })),
    jobTitle: requiredText('Enter your job title', 150, 'Job title must be 150 characters or fewer').meta(
      field({ title: 'Job title', 'x-input': 'text', 'x-autocomplete': 'organization-title' }),
    ),
    sector: choice(sectors, 'Select the sector you work in').meta(
      field({ title: 'Which sector do you work in?', 'x-input': 'radios', 'x-options': sectors }),
    ),
    roleLevel: choice(roleLevels, 'Select your role level').meta(
      field({ title: 'What is your role level?', 'x-input': 'radios', 'x-options': roleLevels }),
    ),
    organisationKind: choice(organisationKinds, 'Select what kind of organisation you work for')
      .optional()
      .meta(
        field({
          title: 'What kind of organisation do you work for?',
          description: 'Answer this if you work in the voluntary and community sector.',
          'x-input': 'radios',
          'x-options': organisationKinds,
        }),
      ),
    partnershipExperience: words(
      'Describe your experience of cross-sector partnership',
      MAX_WORDS,
      `Experience of cross-sector partnership must be ${MAX_WORDS} words or fewer`,
    ).meta(
      field({
        title: 'Your experience of cross-sector partnership',
        description: `For example, work with councils, voluntary groups or partnership boards. Up to ${MAX_WORDS} words.`,
        'x-input': 'textarea',
        'x-max-words': MAX_WORDS,
      }),
    ),
    programmeHopes: words(
      'Tell us what you want from the programme',
      MAX_WORDS,
      `What you want from the programme must be ${MAX_WORDS} words or fewer`,
    ).meta(
      field({
        title: 'What do you want from the programme?',
        description: `Up to ${MAX_WORDS} words.`,
        'x-input': 'textarea',
        'x-max-words': MAX_WORDS,
      }),
    ),
    canAttendWorkshops: choice(yesNo, 'Select yes if you can attend four half-day workshops').meta(
      field({
        title: 'Can you attend four half-day workshops over about five months?',
        description: 'Workshops are four to six weeks apart, in council and voluntary sector premises in your area.',
        'x-input': 'radios',
        'x-options': yesNo,
      }),
    ),
    accessibilityNeeds: z
      .string()
      .trim()
      .max(1000, 'Accessibility or other needs must be 1000 characters or fewer')
      .optional()
      .meta(
        field({
          title: 'Accessibility or other needs (optional)',
          description: 'Tell us anything we should arrange so that you can take part fully.',
          'x-input': 'textarea',
        }),
      ),
    bmeNetwork: choice(yesNoPreferNot, 'Select whether you take part in a local BME network')
      .optional()
      .meta(
        field({
          title: 'Do you take part in a local black and minority ethnic (BME) network? (optional)',
          description: 'The programme pays particular attention to people from local BME networks.',
          'x-input': 'radios',
          'x-options': yesNoPreferNot,
        }),
      ),
    laaProvider: choice(yesNoPreferNot, 'Select whether your organisation is an LAA provider')
      .optional()
      .meta(
        field({
          title: 'Is your organisation a Local Area Agreement (LAA) provider? (optional)',
          'x-input': 'radios',
          'x-options': yesNoPreferNot,
        }),
      ),
    privacyConsent: z.literal(true, { error: 'Confirm that you have read the privacy notice' }).meta(
      field({
        title: 'Privacy notice',
        description: 'Read the privacy notice to see how we use your information.',
        'x-input': 'checkbox',
        'x-checkbox-label': 'I have read the privacy notice and agree to my information being used as it describes',
      }),
    ),
  })
  .refine((answers) => answers.sector !== 'voluntary-community' || answers.organisationKind !== undefined, {
    path: ['organisationKind'],
    message: 'Select what kind of organisation you work for',
    // Run even when other fields are wrong, so the applicant sees every error at once.
    when: () => true,
  });

export type ApplicationAnswers = z.infer<typeof applicationAnswersSchema>;
export type ApplicationField = keyof ApplicationAnswers;

export const applicationFields = Object.keys(applicationAnswersSchema.shape) as ApplicationField[];

export function fieldMeta(name: ApplicationField): FieldMeta {
  return applicationAnswersSchema.shape[name].meta() as unknown as FieldMeta;
}

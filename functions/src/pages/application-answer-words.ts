import { fieldMeta, type ApplicationAnswers, type ApplicationField } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';

/** The answers by short names, as a summary lists them, to the applicant; the form asks them as questions. */
export const answerLabels: Record<Exclude<ApplicationField, 'privacyConsent'>, string> = {
  fullName: 'Full name',
  email: 'Email address',
  phone: 'Telephone number',
  organisation: 'Organisation',
  jobTitle: 'Job title',
  sector: 'Sector',
  roleLevel: 'Role level',
  organisationKind: 'Kind of organisation',
  partnershipExperience: 'Experience of cross-sector partnership',
  programmeHopes: 'What you want from the programme',
  canAttendWorkshops: 'Can attend four half-day workshops',
  accessibilityNeeds: 'Accessibility or other needs',
  bmeNetwork: 'Takes part in a local BME network',
  laaProvider: 'Organisation is an LAA provider',
};

/** An answer in the words the applicant chose it by, and text with its line breaks. */
export function answerInWords(name: ApplicationField, answers: Partial<ApplicationAnswers>): SafeHtml | string {
  const value = answers[name];
  if (value === undefined) return 'Not answered';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const options: Record<string, string> | undefined = fieldMeta(name)['x-options'];
  if (options) return options[String(value)] ?? String(value);
  const lines = String(value).split(/\r?\n/u);
  return html`${lines.map((line, index) => (index === 0 ? line : html`<br>${line}`))}`;
}

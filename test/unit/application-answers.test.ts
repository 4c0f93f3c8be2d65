import { describe, expect, it } from 'vitest';
import { ValidationError, countWords, parseApplicationAnswers } from '@pip/domain';
import { goodAnswers } from '../support/application-answers';

function fieldErrorsOf(input: unknown): Record<string, string> {
  try {
    parseApplicationAnswers(input);
  } catch (error) {
    if (error instanceof ValidationError) return Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message]));
    throw error;
  }
  return {};
}

describe('application answers', () => {
  it('accepts a complete application and trims what was typed', () => {
    const answers = parseApplicationAnswers(goodAnswers('  amira@example.org ', { fullName: '  Amira Okafor ' }));
    expect(answers.fullName).toBe('Amira Okafor');
    expect(answers.email).toBe('amira@example.org');
  });

  it('names every missing required field at once, with GOV.UK wording', () => {
    expect(fieldErrorsOf({})).toEqual({
      fullName: 'Enter your full name',
      email: 'Enter an email address in the correct format, like name@example.org',
      organisation: 'Enter the name of your organisation',
      jobTitle: 'Enter your job title',
      sector: 'Select the sector you work in',
      roleLevel: 'Select your role level',
      partnershipExperience: 'Describe your experience of cross-sector partnership',
      programmeHopes: 'Tell us what you want from the programme',
      canAttendWorkshops: 'Select yes if you can attend four half-day workshops',
      privacyConsent: 'Confirm that you have read the privacy notice',
    });
  });

  it('treats blank optional answers as not given, and blank required ones as missing', () => {
    const answers = parseApplicationAnswers(goodAnswers('a@example.org', { phone: '   ', accessibilityNeeds: '' }));
    expect(answers.phone).toBeUndefined();
    expect(fieldErrorsOf(goodAnswers('a@example.org', { fullName: '   ' }))).toEqual({ fullName: 'Enter your full name' });
  });

  it('asks the voluntary sector, and only them, what kind of organisation they work for', () => {
    expect(fieldErrorsOf(goodAnswers('a@example.org', { sector: 'voluntary-community' }))).toEqual({
      organisationKind: 'Select what kind of organisation you work for',
    });
    const vcs = parseApplicationAnswers(goodAnswers('a@example.org', { sector: 'voluntary-community', organisationKind: 'infrastructure-body' }));
    expect(vcs.organisationKind).toBe('infrastructure-body');
    const council = parseApplicationAnswers(goodAnswers('a@example.org', { organisationKind: 'other' }));
    expect(council.organisationKind).toBeUndefined();
  });

  it('reports the organisation kind together with other errors', () => {
    const errors = fieldErrorsOf(goodAnswers('a@example.org', { sector: 'voluntary-community', fullName: '' }));
    expect(Object.keys(errors).sort()).toEqual(['fullName', 'organisationKind']);
  });

  it('holds free-text answers to 250 words', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(countWords(words(250))).toBe(250);
    expect(fieldErrorsOf(goodAnswers('a@example.org', { partnershipExperience: words(250) }))).toEqual({});
    expect(fieldErrorsOf(goodAnswers('a@example.org', { partnershipExperience: words(251) }))).toEqual({
      partnershipExperience: 'Experience of cross-sector partnership must be 250 words or fewer',
    });
  });

  it('rejects malformed email addresses, telephone numbers and choices', () => {
    expect(fieldErrorsOf(goodAnswers('not-an-email', { phone: 'call me', sector: 'private', canAttendWorkshops: 'maybe' }))).toEqual({
      email: 'Enter an email address in the correct format, like name@example.org',
      phone: 'Enter a telephone number, like 01632 960 001 or +44 808 157 0192',
      sector: 'Select the sector you work in',
      canAttendWorkshops: 'Select yes if you can attend four half-day workshops',
    });
  });

  it('requires consent to be given, not merely mentioned', () => {
    expect(fieldErrorsOf(goodAnswers('a@example.org', { privacyConsent: 'yes' }))).toHaveProperty('privacyConsent');
    expect(fieldErrorsOf(goodAnswers('a@example.org', { privacyConsent: false }))).toHaveProperty('privacyConsent');
  });

  it('refuses a body that is not an object', () => {
    expect(fieldErrorsOf([1, 2])).toEqual({ '': 'Send the answers as a JSON object' });
    expect(fieldErrorsOf('text')).toEqual({ '': 'Send the answers as a JSON object' });
  });
});

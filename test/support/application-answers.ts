/** A complete, valid set of answers, as the JSON API takes them. */
export function goodAnswers(email: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: 'Amira Okafor',
    email,
    phone: '0113 496 0000',
    organisation: 'Leeds City Council',
    jobTitle: 'Assistant Chief Executive',
    sector: 'local-authority',
    roleLevel: 'director-or-assistant-chief-executive',
    partnershipExperience: 'I chair the compact working group with the local voluntary sector forum.',
    programmeHopes: 'A shared plan for commissioning with the voluntary sector.',
    canAttendWorkshops: 'yes',
    privacyConsent: true,
    ...overrides,
  };
}

/** The same answers as the HTML form posts them. */
export function goodForm(email: string, overrides: Record<string, string> = {}): URLSearchParams {
  const { privacyConsent: _consent, ...answers } = goodAnswers(email);
  return new URLSearchParams({ ...(answers as Record<string, string>), privacyConsent: 'yes', ...overrides });
}

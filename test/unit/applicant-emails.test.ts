import { describe, expect, it } from 'vitest';
import { parseApplicationAnswers, type Application, type Area, type OutboundEmail } from '@pip/domain';
import { applicantEmails } from '@pip/mail';
import { goodAnswers } from '../support/application-answers';

const area: Area = {
  areaId: 'leeds',
  name: 'Leeds & <Wakefield>',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-06-01T16:00:00Z' },
};

/** Every answer the form takes as free text, marked so that a test can find any of them in an email. */
const freeText = {
  phone: '0113 496 0999',
  organisation: 'FREE-organisation',
  jobTitle: 'FREE-job-title',
  partnershipExperience: 'FREE-experience https://spam.example',
  programmeHopes: 'FREE-hopes',
  accessibilityNeeds: 'FREE-needs',
};

const application: Application = {
  applicationId: 'PIP-7K3F-Q9XM',
  areaId: 'leeds',
  answers: parseApplicationAnswers(goodAnswers('amira@example.org', { fullName: '<script>alert(1)</script>', ...freeText })),
  submittedAt: '2027-01-10T12:00:00Z',
  updatedAt: '2027-01-11T12:00:00Z',
  version: 2,
};

const link = { url: 'https://pip.example/application/secret-token', expiresAt: '2027-06-22T16:00:00Z' };

const emails: Record<string, OutboundEmail> = {
  received: applicantEmails.applicationReceived(area, application, link),
  updated: applicantEmails.applicationUpdated(area, application, link),
  'applied again': applicantEmails.appliedAgain(area, application, link, '2027-01-12T09:30:00Z'),
};

describe('applicant emails', () => {
  it('say what was received, the reference, what happens next and by when, in UK time', () => {
    const email = emails.received!;
    expect(email.to).toBe('amira@example.org');
    expect(email.text).toContain('Your reference number is PIP-7K3F-Q9XM');
    expect(email.text).toContain('Applications close at 5:00pm on 1 June 2027');
    expect(email.text).toContain('email you the outcome by 22 June 2027');
  });

  it.each(Object.keys(emails))('%s: carries the applicant\'s own link and until when it works', (kind) => {
    const email = emails[kind]!;
    expect(email.text).toContain('See or change your application:\nhttps://pip.example/application/secret-token');
    expect(email.text).toContain('It works until 5:00pm on 22 June 2027');
  });

  it.each(Object.keys(emails))('%s: carries no free text from the form but the applicant\'s name, escaped in the HTML part', (kind) => {
    const email = emails[kind]!;
    for (const text of Object.values(freeText)) {
      expect(email.text).not.toContain(text);
      expect(email.html).not.toContain(text);
    }
    expect(email.html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(email.html).toContain('Leeds &amp; &lt;Wakefield&gt;');
    expect(email.html).not.toContain('<script>');
  });
});

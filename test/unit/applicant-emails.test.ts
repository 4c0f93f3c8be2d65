import { describe, expect, it } from 'vitest';
import type { Application, Area } from '@pip/domain';
import { applicantEmails } from '@pip/mail';

const area: Area = {
  areaId: 'leeds',
  name: 'Leeds & <Wakefield>',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-06-01T16:00:00Z' },
};

const application = {
  applicationId: 'PIP-7K3F-Q9XM',
  areaId: 'leeds',
  answers: { fullName: '<script>alert(1)</script>', email: 'amira@example.org' },
  submittedAt: '2027-01-10T12:00:00Z',
  updatedAt: '2027-01-10T12:00:00Z',
  version: 1,
} as Application;

describe('applicant emails', () => {
  const email = applicantEmails.applicationReceived(area, application, 'https://pip.example/apply/leeds');

  it('says what was received, the reference, what happens next and by when, in UK time', () => {
    expect(email.to).toBe('amira@example.org');
    expect(email.text).toContain('Your reference number is PIP-7K3F-Q9XM');
    expect(email.text).toContain('Applications close at 5:00pm on 1 June 2027');
    expect(email.text).toContain('email you the outcome by 22 June 2027');
    expect(email.text).toContain('https://pip.example/apply/leeds');
  });

  it('escapes every value in the HTML part', () => {
    expect(email.html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(email.html).toContain('Leeds &amp; &lt;Wakefield&gt;');
    expect(email.html).not.toContain('<script>');
  });
});

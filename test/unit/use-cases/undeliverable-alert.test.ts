import { describe, expect, it } from 'vitest';
import { recordEmailReport } from '@pip/functions/use-cases/email-delivery/record-email-report';
import { memoryPorts } from '../../support/memory-ports';

const NOW = '2027-03-01T10:00:00.000Z';
const bounced = (sesMessageId: string, to: string) => ({ kind: 'bounced' as const, sesMessageId, at: NOW, recipients: [to], permanent: true, detail: 'No such mailbox' });

async function alertFor(email: { to: string; areaId?: string; applicationId?: string }) {
  const ports = memoryPorts({ now: NOW });
  const messageId = `booking-link-${email.to}`;
  await ports.outbox.enqueue({ messageId, subject: 'Book consultancy session 1: Leeds', text: 'Choose a time.', html: '<p>Choose a time.</p>', ...email }, NOW);
  await ports.outbox.markSent(messageId, new Date(NOW), `ses-${messageId}`);
  expect(await recordEmailReport(ports, bounced(`ses-${messageId}`, email.to))).toBe('recorded');
  return ports.outbox.emails.find((one) => one.subject.startsWith('Email not delivered'))!;
}

describe('telling the programme team an email did not arrive', () => {
  it('links to the application of the person it was for, which staff correct and which a corrected address still finds', async () => {
    const alert = await alertFor({ to: 'lena@mistyped.example', areaId: 'leeds', applicationId: 'PIP-AAAA-BBBB' });
    expect(alert.text).toContain('https://pip.example/staff/areas/leeds/applications/PIP-AAAA-BBBB');
    expect(alert.text).not.toContain('/staff/people?');
  });

  it('searches for the address when the email was for nobody with an application (a facilitator)', async () => {
    const alert = await alertFor({ to: 'fay@facilitators.example', areaId: 'leeds' });
    expect(alert.text).toContain('/staff/people?q=fay%40facilitators.example');
  });
});

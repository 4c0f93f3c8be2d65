import { describe, expect, it } from 'vitest';
import { parseSesNotification, suppressionReason } from '@pip/domain';

/** As SES publishes a configuration set's events to SNS (the Message of an SNS record). */
const bounce = {
  eventType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [{ emailAddress: 'Lead.Person@Example.org', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
    timestamp: '2027-02-01T10:00:05.000Z',
  },
  mail: { messageId: '0100018a-ses-id', timestamp: '2027-02-01T10:00:00.000Z', destination: ['lead.person@example.org'] },
};

describe('what SES says became of an email', () => {
  it('reads a permanent bounce, with the address to stop writing to and why', () => {
    const notification = parseSesNotification(JSON.stringify(bounce));
    expect(notification).toEqual({
      kind: 'bounced',
      sesMessageId: '0100018a-ses-id',
      at: '2027-02-01T10:00:05.000Z',
      recipients: ['lead.person@example.org'],
      permanent: true,
      detail: 'Permanent bounce (General): smtp; 550 5.1.1 user unknown',
    });
    expect(suppressionReason(notification!)).toBe('Permanent bounce (General): smtp; 550 5.1.1 user unknown');
  });

  it('does not stop writing to an address after a transient bounce, and does after a complaint', () => {
    const transient = parseSesNotification(JSON.stringify({ ...bounce, bounce: { ...bounce.bounce, bounceType: 'Transient', bounceSubType: 'MailboxFull' } }));
    expect(transient).toMatchObject({ kind: 'bounced', permanent: false });
    expect(suppressionReason(transient!)).toBeUndefined();
    const complaint = parseSesNotification(
      JSON.stringify({
        notificationType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: 'someone@example.org' }], timestamp: '2027-02-02T09:00:00.000Z', complaintFeedbackType: 'abuse' },
        mail: { messageId: 'ses-2', timestamp: '2027-02-01T10:00:00.000Z', destination: ['someone@example.org'] },
      }),
    );
    expect(complaint).toMatchObject({ kind: 'complained', recipients: ['someone@example.org'] });
    expect(suppressionReason(complaint!)).toBe('Complaint (abuse)');
  });

  it('reads a delivery, and ignores what it does not track or cannot read', () => {
    const delivery = parseSesNotification(
      JSON.stringify({ eventType: 'Delivery', delivery: { timestamp: '2027-02-01T10:00:02.000Z', recipients: ['a@example.org'] }, mail: { messageId: 'ses-3', timestamp: '2027-02-01T10:00:00.000Z', destination: ['a@example.org'] } }),
    );
    expect(delivery).toMatchObject({ kind: 'delivered', sesMessageId: 'ses-3', recipients: ['a@example.org'] });
    expect(parseSesNotification(JSON.stringify({ eventType: 'Open', mail: { messageId: 'x' } }))).toBeUndefined();
    expect(parseSesNotification('not json')).toBeUndefined();
    expect(parseSesNotification(JSON.stringify({ eventType: 'Bounce' }))).toBeUndefined();
  });
});

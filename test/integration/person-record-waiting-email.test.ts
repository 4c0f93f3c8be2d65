import { describe, expect, it } from 'vitest';
import type { OutboundEmail } from '@pip/domain';
import { platformOfThisFile, uniqueEmail, type FilePlatform } from '../support/platform';
import { staffSession } from '../support/staff-session';

/*
 * An email waiting in the outbox as its template (a new application's confirmation, before the table
 * stream sends it) is shown to staff with the subject it will be sent with, never a blank one.
 */
let running: FilePlatform;
platformOfThisFile((started) => (running = started));

describe("a person's record while their confirmation waits as its template", () => {
  it('shows the subject the email will be sent with, in the page and in the download', async () => {
    const to = uniqueEmail('waiting');
    const reference = 'PIP-WAIT-0001';
    const template = {
      name: 'application-received',
      facts: {
        areaId: 'waiting-area',
        reference,
        fullName: 'Wanda Waiting',
        areaName: 'Waitingshire',
        closesAt: '2030-06-01T16:00:00.000Z',
        outcomeBy: '2030-06-15T16:00:00.000Z',
        url: 'https://pip.localhost/application/not-a-real-link',
        linkExpiresAt: '2030-07-01T16:00:00.000Z',
      },
    };
    // Held until long after the test, so only its template is there while the record is read.
    const email: OutboundEmail = {
      messageId: `application-received-${reference}`,
      to,
      subject: 'worded from the template',
      text: 'worded from the template',
      html: '',
      areaId: 'waiting-area',
      applicationId: reference,
      sendAfter: '2030-01-01T00:00:00.000Z',
      template,
    };
    expect(await running.stores.outbox.enqueue(email, new Date().toISOString())).toBe(true);
    const subject = `Application received: Partnership Improvement Programme, Waitingshire (${reference})`;

    const sam = staffSession(running.platform);
    const page = await (await sam.get(`/staff/people/record?email=${encodeURIComponent(to)}`)).text();
    expect(page).toContain(subject);
    const json = (await (await sam.get(`/staff/people/record.json?email=${encodeURIComponent(to)}`)).json()) as { emails: { subject: string }[] };
    expect(json.emails.map((held) => held.subject)).toEqual([subject]);
    // The template's facts carry the personal link: never shown.
    expect(JSON.stringify(json)).not.toContain('not-a-real-link');
  });
});

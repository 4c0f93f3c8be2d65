import { describe, expect, it } from 'vitest';
import { correctApplicantEmail } from '@pip/functions/use-cases/selection/correct-applicant-email';
import { memoryPorts } from '../../support/memory-ports';
import { stoppedOrDone, stoppingAfterDecision } from '../../support/stopping-ports';
import { LEADS, LEEDS, approvedWith } from './fixtures';

const NOW = '2027-03-01T12:00:00.000Z';
const [MISTYPED] = LEADS;
const CORRECTED = 'corrected@leeds.example.org';

/** Leeds, where an email to the mistyped address bounced for good. */
async function withBouncedEmail() {
  const ports = memoryPorts({ now: NOW, areas: [LEEDS], applications: LEADS, selections: [approvedWith(LEADS)] });
  const bounced = { messageId: 'booking-link-1', to: MISTYPED.answers.email, subject: 'Book consultancy session 1: Leeds', text: 'Choose a time.', html: '<p>Choose a time.</p>' };
  await ports.outbox.enqueue(bounced, NOW);
  await ports.outbox.markSent(bounced.messageId, new Date(NOW));
  await ports.unreachable.record({ address: MISTYPED.answers.email, problem: 'bounced', suppressed: true, reason: 'Permanent bounce', at: NOW, messageId: bounced.messageId, subject: bounced.subject });
  return { ports, bounced };
}

describe('staff correcting an address, by a request that stops once the application has moved', () => {
  it('leaves the correction on the timeline and the email that bounced on its way to the new address', async () => {
    const { ports, bounced } = await withBouncedEmail();

    await stoppedOrDone(correctApplicantEmail(stoppingAfterDecision(ports), LEEDS.areaId, MISTYPED.applicationId, { email: CORRECTED, previous: MISTYPED.answers.email }, { name: 'Sam Staff' }));

    expect((await ports.applications.findByReference(LEEDS.areaId, MISTYPED.applicationId))?.answers.email).toBe(CORRECTED);
    expect(ports.audit.entries.map((entry) => [entry.action, entry.subjects])).toEqual([['Email address corrected', [MISTYPED.applicationId]]]);
    expect(ports.outbox.queued().filter((email) => email.to === CORRECTED).map((email) => email.subject)).toEqual([bounced.subject]);
  });
});

describe('staff correcting an address twice over (a double click, or a colleague making the same correction)', () => {
  it('answers the second as done, the email sent once and the timeline saying it once', async () => {
    const { ports, bounced } = await withBouncedEmail();
    const fromThePage = { email: CORRECTED, previous: MISTYPED.answers.email };

    const first = await correctApplicantEmail(ports, LEEDS.areaId, MISTYPED.applicationId, fromThePage, { name: 'Sam Staff' });
    const second = await correctApplicantEmail(ports, LEEDS.areaId, MISTYPED.applicationId, fromThePage, { name: 'Sam Staff' });

    expect(first).toEqual({ resent: bounced.subject });
    expect(second).toEqual({ already: true });
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Email address corrected']);
    expect(ports.outbox.queued().filter((email) => email.to === CORRECTED)).toHaveLength(1);
  });
});

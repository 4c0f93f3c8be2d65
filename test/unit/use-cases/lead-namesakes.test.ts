import { describe, expect, it } from 'vitest';
import { bookConsultancySession } from '@pip/functions/use-cases/progress-reviews/book-consultancy-session';
import { cancelConsultancySession } from '@pip/functions/use-cases/progress-reviews/cancel-consultancy-session';
import { openConsultancyLink } from '@pip/functions/use-cases/progress-reviews/consultancy-link';
import { sendBookingLinks } from '@pip/functions/use-cases/progress-reviews/send-booking-links';
import { memoryPorts, type MemoryPorts } from '../../support/memory-ports';
import { LEADS, LEEDS, approvedWith, slot } from './fixtures';

const NOW = '2027-03-01T12:00:00.000Z';
const SHARED_NAME = 'Alex Morgan';
/** The two leads of Leeds, who happen to have the same name. */
const NAMESAKES = LEADS.map((lead) => ({ ...lead, answers: { ...lead.answers, fullName: SHARED_NAME } }));
const [COUNCIL_LEAD, VOLUNTARY_LEAD] = NAMESAKES;

/** The voluntary sector lead's booking link, opened as their browser would. */
async function voluntaryLeadsLink(ports: MemoryPorts) {
  await sendBookingLinks(ports, LEEDS.areaId, 1);
  const email = ports.outbox.queued().find((queued) => queued.to === VOLUNTARY_LEAD!.answers.email && queued.subject.startsWith('Book consultancy session 1'));
  const token = /\/consultancy\/([^\s"<]+)/u.exec(email!.text)![1]!;
  const link = await openConsultancyLink(ports, token);
  if (link.problem) throw new Error(`The link did not open: ${link.problem}`);
  return link;
}

describe('two leads with the same name, one acting through their own link', () => {
  it('books and cancels as the lead whose link it is: on that lead\'s record, not the namesake\'s', async () => {
    const ports = memoryPorts({ now: NOW, areas: [LEEDS], applications: NAMESAKES, selections: [approvedWith(NAMESAKES)], slots: [slot('tuesday', '2027-03-09T10:00:00.000Z')] });
    const link = await voluntaryLeadsLink(ports);

    await bookConsultancySession(ports, link.state, 'tuesday', link.lead, undefined);
    const cancelling = await voluntaryLeadsLink(ports);
    await cancelConsultancySession(ports, cancelling.state, { by: 'lead', lead: cancelling.lead, expectedSequence: cancelling.state.booking?.sequence });

    const entries = ports.audit.entries.map((entry) => [entry.action, entry.actor.name, entry.subjects]);
    expect(entries).toEqual([
      ['Consultancy session booked', SHARED_NAME, [VOLUNTARY_LEAD!.applicationId]],
      ['Consultancy session cancelled', SHARED_NAME, [VOLUNTARY_LEAD!.applicationId]],
    ]);
    expect(entries.flatMap((entry) => entry[2] ?? [])).not.toContain(COUNCIL_LEAD!.applicationId);
  });
});

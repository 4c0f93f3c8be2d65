import { describe, expect, it } from 'vitest';
import { bookConsultancySession } from '@pip/functions/use-cases/progress-reviews/book-consultancy-session';
import { cancelConsultancySession } from '@pip/functions/use-cases/progress-reviews/cancel-consultancy-session';
import { consultancyState } from '@pip/functions/use-cases/progress-reviews/consultancy-state';
import { sendBookingLinks } from '@pip/functions/use-cases/progress-reviews/send-booking-links';
import { stoppedOrDone, stoppingAfterDecision } from '../../support/stopping-ports';
import { LEEDS, approvedLeeds, slot, COUNCIL_LEAD, VOLUNTARY_LEAD } from './fixtures';

const NOW = '2027-03-01T12:00:00.000Z';
const withTwoSlots = () => approvedLeeds(NOW, [slot('tuesday', '2027-03-09T10:00:00.000Z'), slot('thursday', '2027-03-11T10:00:00.000Z')]);

describe('a consultancy session booked or cancelled by a request that stops once the booking is stored', () => {
  it('booked: everyone it concerns still gets it in their calendar, the reminders to book stop, and the timeline says who booked it', async () => {
    const ports = withTwoSlots();
    await sendBookingLinks(ports, LEEDS.areaId, 1);
    const state = await consultancyState(ports, LEEDS.areaId, 1);

    await stoppedOrDone(bookConsultancySession(stoppingAfterDecision(ports) as never, state, 'tuesday', COUNCIL_LEAD, undefined));

    const booked = ports.outbox.queued().filter((email) => email.subject.startsWith('Booked: consultancy session 1'));
    expect(booked.map((email) => email.to).sort()).toEqual(['fay@example.org', 'la1@leeds.example.org', 'vc1@leeds.example.org']);
    expect(ports.outbox.waiting().filter((email) => email.messageId.startsWith('consultancy-not-booked-leeds-1-'))).toEqual([]);
    expect(ports.audit.entries.map((entry) => [entry.action, entry.actor.name])).toEqual([['Consultancy session booked', COUNCIL_LEAD.name]]);
  });

  it('cancelled: everyone who held it is sent the cancellation, and the timeline says so', async () => {
    const ports = withTwoSlots();
    await bookConsultancySession(ports, await consultancyState(ports, LEEDS.areaId, 1), 'tuesday', COUNCIL_LEAD, undefined);

    await stoppedOrDone(cancelConsultancySession(stoppingAfterDecision(ports) as never, await consultancyState(ports, LEEDS.areaId, 1), { by: 'lead', lead: VOLUNTARY_LEAD }));

    const cancelled = ports.outbox.queued().filter((email) => email.calendar?.method === 'CANCEL');
    expect(cancelled.map((email) => email.to).sort()).toEqual(['fay@example.org', 'la1@leeds.example.org', 'vc1@leeds.example.org']);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Consultancy session booked', 'Consultancy session cancelled']);
  });
});

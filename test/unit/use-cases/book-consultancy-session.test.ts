import { describe, expect, it } from 'vitest';
import { ConflictError } from '@pip/domain';
import { bookConsultancySession } from '@pip/functions/use-cases/progress-reviews/book-consultancy-session';
import { bookSessionForLeads } from '@pip/functions/use-cases/progress-reviews/book-session-for-leads';
import { cancelConsultancySession } from '@pip/functions/use-cases/progress-reviews/cancel-consultancy-session';
import { consultancyState } from '@pip/functions/use-cases/progress-reviews/consultancy-state';
import { sendBookingLinks } from '@pip/functions/use-cases/progress-reviews/send-booking-links';
import type { MemoryPorts } from '../../support/memory-ports';
import { LEEDS, approvedLeeds, slot, COUNCIL_LEAD, VOLUNTARY_LEAD } from './fixtures';

const NOW = '2027-03-01T12:00:00.000Z';
const withTwoSlots = () => approvedLeeds(NOW, [slot('tuesday', '2027-03-09T10:00:00.000Z'), slot('thursday', '2027-03-11T10:00:00.000Z')]);
const sessionOne = (ports: MemoryPorts) => consultancyState(ports, LEEDS.areaId, 1);
const bookedSessions = async (ports: MemoryPorts) => ports.consultancy.sessions(LEEDS.areaId);

/** The refusal a person reads, and the field it is shown against. */
async function refusal(action: Promise<unknown>): Promise<{ field: string; message: string }> {
  const error = await action.then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof ConflictError)) throw new Error(`Expected a ConflictError, got ${String(error)}`);
  return { field: error.field, message: error.message };
}

describe('a lead booking a consultancy session', () => {
  it('tells both leads and the facilitator, holds their reminders, and stops the reminders to book', async () => {
    const ports = withTwoSlots();
    await sendBookingLinks(ports, LEEDS.areaId, 1);
    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Book consultancy session 1'))).toHaveLength(2);

    await bookConsultancySession(ports, await sessionOne(ports), 'tuesday', COUNCIL_LEAD, undefined);

    const booked = ports.outbox.queued().filter((email) => email.subject.startsWith('Booked: consultancy session 1'));
    expect(booked.map((email) => email.to).sort()).toEqual(['fay@example.org', 'la1@leeds.example.org', 'vc1@leeds.example.org']);
    expect(ports.outbox.cancelled.filter((id) => id.startsWith('consultancy-not-booked-leeds-1-'))).toHaveLength(3);
    expect(ports.audit.entries.map((entry) => [entry.action, entry.actor.name])).toEqual([['Consultancy session booked', COUNCIL_LEAD.name]]);
  });

  it('refuses a slot the other lead took since the page was read: nothing more is sent or recorded', async () => {
    const ports = withTwoSlots();
    const seenByBoth = await sessionOne(ports);
    await bookConsultancySession(ports, seenByBoth, 'tuesday', COUNCIL_LEAD, undefined);
    const queued = ports.outbox.queued().length;

    const refused = await refusal(bookConsultancySession(ports, seenByBoth, 'tuesday', VOLUNTARY_LEAD, undefined));

    expect(refused).toEqual({ field: 'slotId', message: 'That time has just been taken by someone else. Choose another time.' });
    expect(ports.outbox.queued()).toHaveLength(queued);
    expect(ports.audit.entries).toHaveLength(1);
    expect((await bookedSessions(ports))[1]?.bookedBy).toBe(COUNCIL_LEAD.name);
  });

  it('refuses a move when the booking changed since the lead saw it, before writing anything', async () => {
    const ports = withTwoSlots();
    await bookConsultancySession(ports, await sessionOne(ports), 'tuesday', COUNCIL_LEAD, undefined);
    const queued = ports.outbox.queued().length;

    const refused = await refusal(bookConsultancySession(ports, await sessionOne(ports), 'thursday', VOLUNTARY_LEAD, 3));

    expect(refused.message).toContain('The booking changed while you were looking at it');
    expect(ports.outbox.queued()).toHaveLength(queued);
    expect((await bookedSessions(ports))[1]?.slotId).toBe('tuesday');
  });

  it('moves the session: everyone gets the new time and the old time’s reminders are withdrawn', async () => {
    const ports = withTwoSlots();
    await bookConsultancySession(ports, await sessionOne(ports), 'tuesday', COUNCIL_LEAD, undefined);

    await bookConsultancySession(ports, await sessionOne(ports), 'thursday', VOLUNTARY_LEAD, 0);

    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Moved: consultancy session 1'))).toHaveLength(3);
    const oldTime = (id: string) => id.startsWith('consultancy-reminder-leeds-1-0-');
    expect(ports.outbox.cancelled.filter(oldTime)).toHaveLength(6);
    expect(ports.outbox.queued().map((email) => email.messageId).filter(oldTime)).toEqual([]);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Consultancy session booked', 'Consultancy session moved']);
  });

  it('cancels once: a second cancel from a page read before the first is refused and tells nobody again', async () => {
    const ports = withTwoSlots();
    await bookConsultancySession(ports, await sessionOne(ports), 'tuesday', COUNCIL_LEAD, undefined);
    const seenByBoth = await sessionOne(ports);

    await cancelConsultancySession(ports, seenByBoth, { by: 'lead', lead: COUNCIL_LEAD });
    const refused = await refusal(cancelConsultancySession(ports, seenByBoth, { by: 'lead', lead: VOLUNTARY_LEAD }));

    expect(refused.message).toBe('The session could not be cancelled: it may already be cancelled, or be less than a day away.');
    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Cancelled: consultancy session 1'))).toHaveLength(3);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Consultancy session booked', 'Consultancy session cancelled']);
    expect((await ports.consultancy.slots(LEEDS.areaId)).every((held) => held.bookedFor === undefined)).toBe(true);
  });
});

describe('staff booking a session for the leads', () => {
  it('refuses a slot already taken in the staff page’s words, against the session field', async () => {
    const ports = withTwoSlots();
    await bookSessionForLeads(ports, LEEDS.areaId, '1', 'tuesday', { staffId: 's-1', name: 'Sam Rivers' });
    expect((await bookedSessions(ports))[1]?.bookedBy).toBe('Sam Rivers (programme team)');

    const refused = await refusal(bookSessionForLeads(ports, LEEDS.areaId, '2', 'tuesday', { staffId: 's-1', name: 'Sam Rivers' }));

    expect(refused).toEqual({ field: 'session', message: 'That time was just taken, or the session changed. Check the page and try again.' });
    expect(ports.audit.entries).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { proposeFollowUpReview } from '@pip/functions/use-cases/progress-reviews/propose-follow-up-review';
import { recordSessionHeld } from '@pip/functions/use-cases/progress-reviews/record-session-held';
import { stoppedOrDone, stoppingAfterDecision } from '../../support/stopping-ports';
import { LEEDS, approvedLeeds, slot } from './fixtures';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };

/*
 * Staff record a consultancy session held, or propose the follow-up review's dates, by a request that
 * stops as soon as that is stored. Doing it again changes nothing (it is done), so whoever the step
 * tells must be told from what was stored, not from the rest of the request.
 */
describe('a step of the progress reviews recorded by a request that stops once it is stored', () => {
  it('session one held: the leads still get their links to book session two, and the timeline says so once', async () => {
    const ports = approvedLeeds('2027-09-01T12:00:00.000Z', [slot('august', '2027-08-31T10:00:00.000Z')]);
    await ports.consultancy.book({ areaId: LEEDS.areaId, session: 1, slotId: 'august', bookedBy: 'Lead 1', bookedAt: '2027-08-01T12:00:00.000Z', sequence: 0, status: 'booked' }, undefined);

    await stoppedOrDone(recordSessionHeld(stoppingAfterDecision(ports) as never, LEEDS.areaId, '1', 'Objectives under way', SAM));
    // Staff try again: it is recorded already, so it changes nothing.
    await recordSessionHeld(ports, LEEDS.areaId, '1', 'Objectives under way', SAM).catch(() => undefined);

    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Book consultancy session 2'))).toHaveLength(2);
    expect(ports.audit.entries.filter((entry) => entry.action === 'Consultancy session held')).toHaveLength(1);
  });

  it('follow-up dates proposed: every participant is still asked which suit them, and the timeline says so once', async () => {
    const ports = approvedLeeds('2027-11-01T12:00:00.000Z', [slot('october', '2027-10-31T10:00:00.000Z')]);
    await ports.consultancy.book({ areaId: LEEDS.areaId, session: 2, slotId: 'october', bookedBy: 'Lead 1', bookedAt: '2027-10-01T12:00:00.000Z', sequence: 0, status: 'booked' }, undefined);
    await ports.consultancy.recordHeld(LEEDS.areaId, 2, '', '2027-10-31T12:00:00.000Z');
    const proposal = { dates: [{ date: '2027-11-15', start: '10:00', end: '12:30' }, { date: '2027-11-22', start: '10:00', end: '12:30' }], venue: 'Town Hall' };

    await stoppedOrDone(proposeFollowUpReview(stoppingAfterDecision(ports) as never, LEEDS.areaId, proposal, SAM));
    await proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM);

    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Which dates suit you?'))).toHaveLength(2);
    expect(ports.audit.entries.filter((entry) => entry.action === 'Follow-up review dates proposed')).toHaveLength(1);
  });
});

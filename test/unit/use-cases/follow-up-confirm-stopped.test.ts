import { describe, expect, it } from 'vitest';
import { confirmFollowUpReview } from '@pip/functions/use-cases/progress-reviews/confirm-follow-up-review';
import { proposeFollowUpReview } from '@pip/functions/use-cases/progress-reviews/propose-follow-up-review';
import { stoppedOrDone, stoppingAfterDecision } from '../../support/stopping-ports';
import { LEEDS, approvedLeeds, slot } from './fixtures';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };

describe('a follow-up review confirmed by a request that stops once the date is stored', () => {
  it('still invites every participant, and the timeline says who confirmed it', async () => {
    const ports = approvedLeeds('2027-11-01T12:00:00.000Z', [slot('october', '2027-10-31T10:00:00.000Z')]);
    await ports.consultancy.book({ areaId: LEEDS.areaId, session: 2, slotId: 'october', bookedBy: 'Lead 1', bookedAt: '2027-10-01T12:00:00.000Z', sequence: 0, status: 'booked' }, undefined);
    await ports.consultancy.recordHeld(LEEDS.areaId, 2, '', '2027-10-31T12:00:00.000Z');
    await proposeFollowUpReview(ports, LEEDS.areaId, { dates: [{ date: '2027-11-15', start: '10:00', end: '12:30' }, { date: '2027-11-22', start: '10:00', end: '12:30' }, { date: '', start: '', end: '' }], venue: 'Town Hall' }, SAM);

    await stoppedOrDone(confirmFollowUpReview(stoppingAfterDecision(ports) as never, LEEDS.areaId, SAM));

    expect((await ports.followUps.get(LEEDS.areaId))?.confirmedOptionId).toBeDefined();
    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Invitation: follow-up review'))).toHaveLength(2);
    expect(ports.audit.entries.at(-1)?.action).toBe('Follow-up review confirmed');
  });
});

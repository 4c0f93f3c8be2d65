import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '@pip/domain';
import { answerFollowUpReview } from '@pip/functions/use-cases/answer-follow-up-review';
import { confirmFollowUpReview } from '@pip/functions/use-cases/confirm-follow-up-review';
import { proposeFollowUpReview, type FollowUpProposal } from '@pip/functions/use-cases/propose-follow-up-review';
import { AREA, LEADS, consultancyInMemory } from './consultancy-fakes';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };
const proposal: FollowUpProposal = {
  dates: [
    { date: '2027-11-15', start: '10:00', end: '12:30' },
    { date: '2027-11-22', start: '10:00', end: '12:30' },
    { date: '', start: '', end: '' },
  ],
  venue: ' Town Hall ',
};

function afterSessionTwo() {
  const memory = consultancyInMemory({ now: '2027-11-01T12:00:00.000Z' });
  memory.sessions[2] = { areaId: AREA.areaId, session: 2, slotId: 'october', bookedBy: 'Lead 1', bookedAt: '2027-10-01T12:00:00.000Z', sequence: 0, status: 'booked', heldAt: '2027-10-31T12:00:00.000Z' };
  return memory;
}

describe('the follow-up review', () => {
  it('cannot be proposed before session two took place: nothing is stored or sent', async () => {
    const memory = consultancyInMemory({ now: '2027-11-01T12:00:00.000Z' });
    await expect(proposeFollowUpReview(memory.ports, AREA.areaId, proposal, SAM)).rejects.toThrow(ValidationError);
    expect(memory.followUp.review).toBeUndefined();
    expect(memory.queued.size).toBe(0);
  });

  it('asks every participant once for the dates, however many times staff propose them', async () => {
    const memory = afterSessionTwo();
    await proposeFollowUpReview(memory.ports, AREA.areaId, proposal, SAM);
    await proposeFollowUpReview(memory.ports, AREA.areaId, proposal, SAM);
    expect(memory.followUp.review?.venue).toBe('Town Hall');
    expect(memory.followUp.review?.options.map((option) => option.startsAt)).toEqual(['2027-11-15T10:00:00.000Z', '2027-11-22T10:00:00.000Z']);
    expect(memory.subjects().filter((subject) => subject.startsWith('Which dates suit you?'))).toHaveLength(2);
    expect(memory.audit.map((entry) => entry.action)).toEqual(['Follow-up review dates proposed']);
  });

  it('confirms the date most can make and invites everyone; confirming again is refused and sends nothing', async () => {
    const memory = afterSessionTwo();
    await proposeFollowUpReview(memory.ports, AREA.areaId, proposal, SAM);
    const [first, second] = memory.followUp.review!.options;
    const linkOf = (n: 0 | 1) => ({ area: AREA, applicationId: LEADS[n].applicationId, review: memory.followUp.review!, answer: undefined });
    await answerFollowUpReview(memory.ports, linkOf(0), { available: [second!.optionId, 'made-up'], attending: '' });
    await answerFollowUpReview(memory.ports, linkOf(1), { available: [first!.optionId, second!.optionId], attending: '' });
    expect(memory.followUp.answers.find((answer) => answer.applicationId === LEADS[0].applicationId)?.available).toEqual([second!.optionId]);

    await confirmFollowUpReview(memory.ports, AREA.areaId, SAM);
    const again = confirmFollowUpReview(memory.ports, AREA.areaId, SAM);
    await expect(again).rejects.toThrow(ConflictError);
    await expect(again).rejects.toMatchObject({ field: 'follow-up-confirm' });

    expect(memory.followUp.review?.confirmedOptionId).toBe(second!.optionId);
    expect(memory.subjects().filter((subject) => subject.startsWith('Invitation: follow-up review'))).toHaveLength(2);
    expect(memory.audit.at(-1)?.summary).toBe('2027-11-22T10:00:00.000Z, which 2 of 2 who answered can make.');
  });

  it('once confirmed, takes whether a participant will attend and keeps the dates they said suit them', async () => {
    const memory = afterSessionTwo();
    await proposeFollowUpReview(memory.ports, AREA.areaId, proposal, SAM);
    const review = memory.followUp.review!;
    const link = { area: AREA, applicationId: LEADS[0].applicationId, review, answer: undefined };
    const dates = await answerFollowUpReview(memory.ports, link, { available: [review.options[0]!.optionId], attending: '' });
    const confirmed = { ...review, confirmedOptionId: review.options[0]!.optionId };

    const answer = await answerFollowUpReview(memory.ports, { ...link, review: confirmed, answer: dates }, { available: [], attending: 'no' });

    expect(answer).toEqual({ applicationId: LEADS[0].applicationId, available: [review.options[0]!.optionId], attending: false });
  });
});

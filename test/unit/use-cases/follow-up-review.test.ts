import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, followUpTally } from '@pip/domain';
import { answerFollowUpReview } from '@pip/functions/use-cases/progress-reviews/answer-follow-up-review';
import { confirmFollowUpReview } from '@pip/functions/use-cases/progress-reviews/confirm-follow-up-review';
import { proposeFollowUpReview, type FollowUpProposal } from '@pip/functions/use-cases/progress-reviews/propose-follow-up-review';
import { recordWithdrawal } from '@pip/functions/use-cases/selection/record-withdrawal';
import { LEADS, LEEDS, approvedLeeds, slot } from './fixtures';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };
const NOW = '2027-11-01T12:00:00.000Z';
const proposal: FollowUpProposal = {
  dates: [
    { date: '2027-11-15', start: '10:00', end: '12:30' },
    { date: '2027-11-22', start: '10:00', end: '12:30' },
    { date: '', start: '', end: '' },
  ],
  venue: ' Town Hall ',
};

async function afterSessionTwo() {
  const ports = approvedLeeds(NOW, [slot('october', '2027-10-31T10:00:00.000Z')]);
  const booking = { areaId: LEEDS.areaId, session: 2, slotId: 'october', bookedBy: 'Lead 1', bookedAt: '2027-10-01T12:00:00.000Z', sequence: 0, status: 'booked' } as const;
  await ports.consultancy.book(booking, undefined);
  await ports.consultancy.recordHeld(LEEDS.areaId, 2, '', '2027-10-31T12:00:00.000Z');
  return ports;
}

describe('the follow-up review', () => {
  it('cannot be proposed before session two took place: nothing is stored or sent', async () => {
    const ports = approvedLeeds(NOW);
    await expect(proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM)).rejects.toThrow(ValidationError);
    expect(await ports.followUps.get(LEEDS.areaId)).toBeUndefined();
    expect(ports.outbox.emails).toHaveLength(0);
  });

  it('asks every participant once for the dates, however many times staff propose them', async () => {
    const ports = await afterSessionTwo();
    await proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM);
    await proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM);
    const review = await ports.followUps.get(LEEDS.areaId);
    expect(review?.venue).toBe('Town Hall');
    expect(review?.options.map((option) => option.startsAt)).toEqual(['2027-11-15T10:00:00.000Z', '2027-11-22T10:00:00.000Z']);
    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Which dates suit you?'))).toHaveLength(2);
    expect(ports.audit.entries.map((entry) => entry.action)).toEqual(['Follow-up review dates proposed']);
  });

  it('confirms the date most can make and invites everyone; confirming again is refused and sends nothing', async () => {
    const ports = await afterSessionTwo();
    await proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM);
    const review = (await ports.followUps.get(LEEDS.areaId))!;
    const [first, second] = review.options;
    const linkOf = (n: 0 | 1) => ({ area: LEEDS, applicationId: LEADS[n].applicationId, review, answer: undefined });
    await answerFollowUpReview(ports, linkOf(0), { available: [second!.optionId, 'made-up'], attending: '' });
    await answerFollowUpReview(ports, linkOf(1), { available: [first!.optionId, second!.optionId], attending: '' });
    expect((await ports.followUps.answer(LEEDS.areaId, LEADS[0].applicationId))?.available).toEqual([second!.optionId]);

    await confirmFollowUpReview(ports, LEEDS.areaId, SAM);
    const again = confirmFollowUpReview(ports, LEEDS.areaId, SAM);
    await expect(again).rejects.toThrow(ConflictError);
    await expect(again).rejects.toMatchObject({ field: 'follow-up-confirm' });

    expect((await ports.followUps.get(LEEDS.areaId))?.confirmedOptionId).toBe(second!.optionId);
    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('Invitation: follow-up review'))).toHaveLength(2);
    expect(ports.audit.entries.at(-1)?.summary).toBe('10:00am on 22 November 2027, which 2 of 2 who answered can make.');
  });

  it('once confirmed, takes whether a participant will attend and keeps the dates they said suit them', async () => {
    const ports = await afterSessionTwo();
    await proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM);
    const review = (await ports.followUps.get(LEEDS.areaId))!;
    const link = { area: LEEDS, applicationId: LEADS[0].applicationId, review, answer: undefined };
    const dates = await answerFollowUpReview(ports, link, { available: [review.options[0]!.optionId], attending: '' });
    const confirmed = { ...review, confirmedOptionId: review.options[0]!.optionId };

    const answer = await answerFollowUpReview(ports, { ...link, review: confirmed, answer: dates }, { available: [], attending: 'no' });

    expect(answer).toEqual({ applicationId: LEADS[0].applicationId, answeredDates: true, available: [review.options[0]!.optionId], attending: false });
  });

  it('counts as answers only those who said which dates suit them, not an answer to the invitation alone', async () => {
    const ports = await afterSessionTwo();
    await proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM);
    const review = (await ports.followUps.get(LEEDS.areaId))!;
    await answerFollowUpReview(ports, { area: LEEDS, applicationId: LEADS[0].applicationId, review, answer: undefined }, { available: [review.options[0]!.optionId], attending: '' });
    const confirmed = { ...review, confirmedOptionId: review.options[0]!.optionId };
    await answerFollowUpReview(ports, { area: LEEDS, applicationId: LEADS[1].applicationId, review: confirmed, answer: undefined }, { available: [], attending: 'yes' });

    const tally = followUpTally(confirmed, await ports.followUps.answers(LEEDS.areaId));
    expect(tally).toMatchObject({ answered: 1, attending: 1 });
  });

  it('confirms the date staff choose, even one fewer can make, and refuses a date that was not proposed', async () => {
    const ports = await afterSessionTwo();
    await proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM);
    const review = (await ports.followUps.get(LEEDS.areaId))!;
    const [first, second] = review.options;
    await answerFollowUpReview(ports, { area: LEEDS, applicationId: LEADS[0].applicationId, review, answer: undefined }, { available: [second!.optionId], attending: '' });

    await expect(confirmFollowUpReview(ports, LEEDS.areaId, SAM, 'not-a-date')).rejects.toMatchObject({ fieldErrors: [{ field: 'follow-up-confirm' }] });
    expect((await ports.followUps.get(LEEDS.areaId))?.confirmedOptionId).toBeUndefined();

    await confirmFollowUpReview(ports, LEEDS.areaId, SAM, first!.optionId);
    expect((await ports.followUps.get(LEEDS.areaId))?.confirmedOptionId).toBe(first!.optionId);
    expect(ports.audit.entries.at(-1)?.summary).toBe('10:00am on 15 November 2027, which 0 of 1 who answered can make.');
  });

  it('takes the confirmed review out of the calendar of a participant who then withdraws, and of nobody else', async () => {
    const ports = await afterSessionTwo();
    await proposeFollowUpReview(ports, LEEDS.areaId, proposal, SAM);
    await confirmFollowUpReview(ports, LEEDS.areaId, SAM);
    const [leaving, staying] = LEADS;
    const calendarFiles = (address: string) => ports.outbox.queued().filter((email) => email.to === address && email.calendar).map((email) => email.calendar!);
    expect(calendarFiles(leaving.answers.email).map((file) => file.method)).toEqual(['REQUEST']);

    await recordWithdrawal(ports, LEEDS.areaId, leaving.applicationId, SAM);
    const files = calendarFiles(leaving.answers.email);
    expect(files.map((file) => file.method)).toEqual(['REQUEST', 'CANCEL']);
    expect(files[1]!.ics).toContain('SEQUENCE:1');
    expect(calendarFiles(staying.answers.email).map((file) => file.method)).toEqual(['REQUEST']);
  });
});

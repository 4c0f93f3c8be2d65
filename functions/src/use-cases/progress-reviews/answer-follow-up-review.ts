import { followUpAnswerFrom, type FollowUpAnswer, type FollowUpReview, type Ports } from '@pip/domain';
import { formSenders, timelineEntry } from '../timeline/timeline-entry';

/** A participant answers through their follow-up link: the dates that suit them, or once confirmed whether they will attend; with its timeline line, in one write. */
export async function answerFollowUpReview(
  ports: Pick<Ports, 'followUps' | 'clock'>,
  link: { area: { areaId: string }; applicationId: string; review: FollowUpReview; answer: FollowUpAnswer | undefined },
  posted: { available: string[]; attending: string },
): Promise<FollowUpAnswer> {
  const answer = followUpAnswerFrom(link.review, link.answer, link.applicationId, posted);
  await ports.followUps.saveAnswer(
    link.area.areaId,
    answer,
    timelineEntry(ports.clock, link.area.areaId, {
      kind: 'form',
      actor: formSenders.participant,
      action: 'Follow-up review answered',
      summary: answerInWords(link.review, answer),
      subjects: [link.applicationId],
    }),
  );
  return answer;
}

function answerInWords(review: FollowUpReview, answer: FollowUpAnswer): string {
  if (review.confirmedOptionId) {
    if (answer.attending === undefined) return 'Answered without saying whether they will attend.';
    return answer.attending ? 'Will attend the follow-up review.' : 'Cannot attend the follow-up review.';
  }
  return `Can make ${answer.available.length} of the ${review.options.length} dates proposed.`;
}

import { followUpAnswerFrom, type FollowUpAnswer, type FollowUpReview, type Ports } from '@pip/domain';

/** A participant answers through their follow-up link: the dates that suit them, or once confirmed whether they will attend. */
export async function answerFollowUpReview(
  ports: Pick<Ports, 'followUps'>,
  link: { area: { areaId: string }; applicationId: string; review: FollowUpReview; answer: FollowUpAnswer | undefined },
  posted: { available: string[]; attending: string },
): Promise<FollowUpAnswer> {
  const answer = followUpAnswerFrom(link.review, link.answer, link.applicationId, posted);
  await ports.followUps.saveAnswer(link.area.areaId, answer);
  return answer;
}

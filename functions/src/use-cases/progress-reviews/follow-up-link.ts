import type { FollowUpAnswer, FollowUpReview, Ports } from '@pip/domain';
import { openParticipantLink, type ParticipantLink, type ParticipantLinkPorts } from '../shared/participant-link';

export type FollowUpLink = ParticipantLink<{ review: FollowUpReview; answer: FollowUpAnswer | undefined }>;

/** A follow-up link: whole, unexpired, for a participant of an area whose review dates are proposed; with their answer so far. */
export function openFollowUpLink(ports: ParticipantLinkPorts & Pick<Ports, 'followUps'>, token: string): Promise<FollowUpLink> {
  return openParticipantLink(ports, token, 'follow-up', async (areaId, applicationId) => {
    const [review, answer] = await Promise.all([ports.followUps.get(areaId), ports.followUps.answer(areaId, applicationId)]);
    return review ? { review, answer } : undefined;
  });
}

import type { EvaluationResponse, Ports } from '@pip/domain';
import { openParticipantLink, type ParticipantLink, type ParticipantLinkPorts } from '../shared/participant-link';

export type EvaluationLink = ParticipantLink<{ closed: boolean; response: EvaluationResponse | undefined }>;

/** An evaluation link: whole, unexpired, for a participant of an area whose survey has opened; with their response so far. */
export function openEvaluationLink(ports: ParticipantLinkPorts & Pick<Ports, 'evaluation'>, token: string): Promise<EvaluationLink> {
  return openParticipantLink(ports, token, 'evaluation', async (areaId, applicationId) => {
    const [survey, response] = await Promise.all([ports.evaluation.survey(areaId), ports.evaluation.response(areaId, applicationId)]);
    return survey ? { closed: survey.closedAt !== undefined, response } : undefined;
  });
}

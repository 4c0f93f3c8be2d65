import type { FollowUpAnswer, FollowUpReview, Ports, ConsultancySessionState } from '@pip/domain';
import { consultancyStates, type ConsultancyStatePorts } from './consultancy-state';

/** What staff see of an area's consultancy: both sessions, the leads, and the follow-up review with its answers. */
export interface ConsultancyOverview {
  states: ConsultancySessionState[];
  leads: string[];
  followUp: FollowUpReview | undefined;
  answers: FollowUpAnswer[];
}

export async function consultancyOverview(ports: ConsultancyStatePorts & Pick<Ports, 'followUps'>, areaId: string): Promise<ConsultancyOverview> {
  const [states, followUp, answers] = await Promise.all([consultancyStates(ports, areaId), ports.followUps.get(areaId), ports.followUps.answers(areaId)]);
  return { states, leads: states[0]!.leads.map((lead) => lead.name), followUp, answers };
}

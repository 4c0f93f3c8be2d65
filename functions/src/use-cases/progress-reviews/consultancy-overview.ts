import { groupOn, type ConsultancyOverview, type Ports } from '@pip/domain';
import { consultancyStates, type ConsultancyStatePorts } from './consultancy-state';

/** An area's consultancy as staff see it: both sessions as they stand, the leads by name, and the follow-up review with its answers. */
export async function consultancyOverview(ports: ConsultancyStatePorts & Pick<Ports, 'followUps'>, areaId: string): Promise<ConsultancyOverview> {
  const [states, followUp, answers, selection] = await Promise.all([
    consultancyStates(ports, areaId),
    ports.followUps.get(areaId),
    ports.followUps.answers(areaId),
    ports.selections.get(areaId),
  ]);
  const groupSize = selection ? groupOn(selection, ports.clock.now().toISOString()).size : 0;
  return { states, leads: states[0]!.leads.map((lead) => lead.name), followUp, answers, groupSize };
}

import { groupOn, type ConsultancyOverview, type Ports } from '@pip/domain';
import { readConsultancy, type ConsultancyStatePorts } from './consultancy-state';

/** An area's consultancy as staff see it: both sessions as they stand, the leads by name, and the follow-up review with its answers. */
export async function consultancyOverview(ports: ConsultancyStatePorts & Pick<Ports, 'followUps' | 'reminders'>, areaId: string): Promise<ConsultancyOverview> {
  // The selection and applications the leads come from also give the group: read once, side by side with the rest.
  const [{ states, selection, applications }, followUp, answers, reminders] = await Promise.all([
    readConsultancy(ports, areaId),
    ports.followUps.get(areaId),
    ports.followUps.answers(areaId),
    ports.reminders.latest(areaId),
  ]);
  const members = selection ? groupOn(selection, ports.clock.now().toISOString()) : new Set<string>();
  const group = applications
    .filter((application) => members.has(application.applicationId))
    .map((application) => ({ applicationId: application.applicationId, name: application.answers.fullName }));
  return { states, leads: states[0]!.leads.map((lead) => lead.name), followUp, answers, group, reminders };
}

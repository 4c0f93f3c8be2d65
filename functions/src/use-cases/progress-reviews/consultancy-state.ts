import { consultancySessionStates, sessionNumbers, type Application, type AreaSelection, type ConsultancySessionState, type Ports, type SessionNumber } from '@pip/domain';
import { leadsOf } from './area-leads';

export type ConsultancyStatePorts = Pick<Ports, 'areas' | 'selections' | 'applications' | 'consultancy' | 'clock'>;

/** What both sessions are worked out from, with the selection and applications their leads came from, for a page that shows more of them. */
export interface ConsultancyReads {
  states: ConsultancySessionState[];
  selection: AreaSelection | undefined;
  applications: Application[];
}

/** Both sessions of the area as they stand, from one wave of reads: the area, its selection and applications (the leads), its slots and sessions. */
export async function readConsultancy(ports: ConsultancyStatePorts, areaId: string): Promise<ConsultancyReads> {
  const [area, selection, applications, slots, sessions] = await Promise.all([
    ports.areas.existing(areaId),
    ports.selections.get(areaId),
    ports.applications.listForArea(areaId),
    ports.consultancy.slots(areaId),
    ports.consultancy.sessions(areaId),
  ]);
  return { states: consultancySessionStates(area, leadsOf(selection, applications), slots, sessions, ports.clock.now()), selection, applications };
}

export async function consultancyStates(ports: ConsultancyStatePorts, areaId: string): Promise<ConsultancySessionState[]> {
  return (await readConsultancy(ports, areaId)).states;
}

export async function consultancyState(ports: ConsultancyStatePorts, areaId: string, session: SessionNumber): Promise<ConsultancySessionState> {
  const states = await consultancyStates(ports, areaId);
  return states[sessionNumbers.indexOf(session)]!;
}

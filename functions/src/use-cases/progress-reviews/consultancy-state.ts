import { consultancySessionStates, sessionNumbers, type ConsultancySessionState, type Ports, type SessionNumber } from '@pip/domain';
import { areaLeads } from './area-leads';

export type ConsultancyStatePorts = Pick<Ports, 'areas' | 'selections' | 'applications' | 'consultancy' | 'clock'>;

/** Both sessions of the area as they stand, from one read of its slots, sessions and leads. */
export async function consultancyStates(ports: ConsultancyStatePorts, areaId: string): Promise<ConsultancySessionState[]> {
  const [area, leads, slots, sessions] = await Promise.all([
    ports.areas.existing(areaId),
    areaLeads(ports, areaId),
    ports.consultancy.slots(areaId),
    ports.consultancy.sessions(areaId),
  ]);
  return consultancySessionStates(area, leads, slots, sessions, ports.clock.now());
}

export async function consultancyState(ports: ConsultancyStatePorts, areaId: string, session: SessionNumber): Promise<ConsultancySessionState> {
  const states = await consultancyStates(ports, areaId);
  return states[sessionNumbers.indexOf(session)]!;
}

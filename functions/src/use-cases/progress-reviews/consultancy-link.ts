import { sessionNumberOf, type ConsultancySessionState, type LinkProblem, type Recipient } from '@pip/domain';
import { openPersonalLink, type LinkPorts } from '../shared/emailed-links';
import { consultancyState, type ConsultancyStatePorts } from './consultancy-state';

export type ConsultancyLink = { problem: LinkProblem } | { problem?: undefined; token: string; state: ConsultancySessionState; lead: Recipient };

/** A lead's booking link: whole, a consultancy link, unexpired, naming a session, and its holder still a lead of the area. */
export async function openConsultancyLink(ports: LinkPorts & ConsultancyStatePorts, token: string): Promise<ConsultancyLink> {
  const opened = await openPersonalLink(ports, token, ['consultancy']);
  if (opened.problem) return opened;
  const { link } = opened;
  const session = sessionNumberOf(link.details?.session);
  if (!session) return { problem: 'unknown' };
  const state = await consultancyState(ports, link.areaId, session);
  const lead = state.leads.find((candidate) => candidate.key === link.applicationId);
  if (!lead) return { problem: 'unknown' };
  return { token: opened.token, state, lead };
}

import { sessionNumberOf, type ConsultancySessionState, type LinkProblem, type Recipient } from '@pip/domain';
import { openPersonalLinkWith, type LinkPorts } from '../shared/emailed-links';
import { consultancyStates, type ConsultancyStatePorts } from './consultancy-state';

export type ConsultancyLink = { problem: LinkProblem } | { problem?: undefined; token: string; state: ConsultancySessionState; lead: Recipient };

/** A lead's booking link: whole, a consultancy link, unexpired, naming a session, and its holder still a lead of the area. */
export async function openConsultancyLink(ports: LinkPorts & ConsultancyStatePorts, token: string): Promise<ConsultancyLink> {
  // Both sessions of the area, read beside the link: the link says which is the lead's.
  const opened = await openPersonalLinkWith(ports, token, ['consultancy'], (areaId) => consultancyStates(ports, areaId));
  if (opened.problem) return opened;
  const { link } = opened;
  const session = sessionNumberOf(link.details?.session);
  const state = opened.read.find((candidate) => candidate.session === session);
  if (!session || !state) return { problem: 'unknown' };
  const lead = state.leads.find((candidate) => candidate.key === link.applicationId);
  if (!lead) return { problem: 'unknown' };
  return { token: opened.token, state, lead };
}

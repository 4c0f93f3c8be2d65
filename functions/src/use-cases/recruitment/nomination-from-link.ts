import { nominationDetails, type Nomination } from '@pip/domain';
import { openLink, type LinkPorts } from '../shared/emailed-links';

/** A nomination a candidate brought back through their emailed link, with the token to post back. */
export interface NominationLink {
  token: string;
  nomination: Nomination;
  prefill: Record<string, string>;
}

/** The nomination behind a candidate's emailed link, if the link is one, for this area, and not expired. */
export async function nominationFromLink(ports: LinkPorts, areaId: string, token: string | undefined): Promise<NominationLink | undefined> {
  if (!token) return undefined;
  const opened = await openLink(ports, token, ['nomination']);
  if (opened.problem || opened.link.areaId !== areaId) return undefined;
  return { token, ...nominationDetails(opened.link) };
}

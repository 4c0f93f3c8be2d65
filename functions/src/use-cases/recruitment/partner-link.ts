import { areasOpenToPartner, isPartnerLinkToken, partnerLinkState, type Area, type Partner, type PartnerLinkProblem, type Ports } from '@pip/domain';

export type PartnerLinkPorts = Pick<Ports, 'partners' | 'areas' | 'clock'>;

/** A partner's nomination link that works: the partner, and the areas it may nominate for today. */
export interface OpenPartnerLink {
  problem?: undefined;
  partner: Partner;
  openAreas: Area[];
}

/**
 * The partner behind a nomination link, if the link is whole, known, still its newest and not
 * withdrawn or run out. An address that is not a partner's link, such as an old `/nominate/<area>`
 * one, is unknown, so nobody can nominate without a link staff issued.
 */
export async function openPartnerLink(ports: PartnerLinkPorts, token: string): Promise<OpenPartnerLink | { problem: PartnerLinkProblem }> {
  // The areas are read beside the link, not after it: one round trip for the page, at the price of a
  // list read for an unknown link.
  const [found, areas] = await Promise.all([isPartnerLinkToken(token) ? ports.partners.findByLink(token) : undefined, ports.areas.list()]);
  if (!found) return { problem: 'unknown' };
  const now = ports.clock.now();
  const state = partnerLinkState(found.partner, found.linkNumber, now);
  if (state !== 'live') return { problem: state };
  return { partner: found.partner, openAreas: areasOpenToPartner(found.partner, areas, now) };
}

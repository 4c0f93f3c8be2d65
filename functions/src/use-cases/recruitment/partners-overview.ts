import { NotFoundError, partnerCoverage, partnerIdFits, partnerLinkStatus, type Area, type Partner, type PartnerLinkProblem, type Ports } from '@pip/domain';

/** One partner as the staff page lists it. */
export interface PartnerSummary {
  partner: Partner;
  /** Where it may nominate, in words. */
  coverage: string;
  link: { state: 'live' | PartnerLinkProblem; text: string };
  nominationsMade: number;
}

/** Every partner with where its link stands and how many people it has nominated, and the areas staff can choose from. */
export async function partnersOverview(ports: Pick<Ports, 'partners' | 'areas' | 'clock'>): Promise<{ partners: PartnerSummary[]; areas: Area[] }> {
  const [partners, areas] = await Promise.all([ports.partners.list(), ports.areas.list()]);
  const now = ports.clock.now();
  const byName = [...partners].sort((a, b) => a.organisation.localeCompare(b.organisation, 'en-GB'));
  const summaries = await Promise.all(
    byName.map(async (partner) => ({
      partner,
      coverage: partnerCoverage(partner, areas),
      link: partnerLinkStatus(partner, now),
      nominationsMade: (await ports.partners.nominationsOf(partner.partnerId)).length,
    })),
  );
  return { partners: summaries, areas: [...areas].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) };
}

/** The partner an address names, or a NotFoundError, asking no store about an id that cannot be one. */
export async function existingPartner(ports: Pick<Ports, 'partners'>, partnerId: string): Promise<Partner> {
  const partner = partnerIdFits(partnerId) ? await ports.partners.get(partnerId) : undefined;
  if (!partner) throw new NotFoundError('Partner');
  return partner;
}

import {
  ConcurrentChangeError,
  LOST_RACE,
  parsePartner,
  partnerCoverage,
  partnerIdOf,
  partnerLinkToken,
  partnerWithNewLink,
  takeTurns,
  type Actor,
  type Partner,
  type Ports,
} from '@pip/domain';
import { nominationEmails } from '@pip/mail';

export type IssuePartnerLinkPorts = Pick<Ports, 'partners' | 'areas' | 'clock' | 'linkTokens' | 'links' | 'log'>;

/**
 * Staff issue a partner organisation its personal nomination link, emailed to the partner's
 * contact. Issuing to a partner that has a link already replaces it: the old one stops working.
 */
export async function issuePartnerLink(ports: IssuePartnerLinkPorts, input: Record<string, unknown>, actor: Actor): Promise<Partner> {
  const areas = await ports.areas.list();
  const answers = parsePartner(input, areas.map((area) => area.areaId));
  const partnerId = partnerIdOf(answers);
  // The partner's email goes from the table's stream once stored with the link.
  const partner = await takeTurns(
    async () => {
      const existing = await ports.partners.get(partnerId);
      const next = partnerWithNewLink(existing, answers, actor, ports.clock.now());
      const token = partnerLinkToken(ports.linkTokens.newToken(), partnerId);
      const email = nominationEmails.partnerLink(next, partnerCoverage(next, areas), ports.links.nominationForm(token));
      const issued = await ports.partners.issue(next, existing?.version ?? 0, token, email);
      return issued ? next : LOST_RACE;
    },
    () => new ConcurrentChangeError('The partner'),
  );
  ports.log('INFO', 'partner nomination link issued', { partnerId, by: actor.staffId });
  return partner;
}

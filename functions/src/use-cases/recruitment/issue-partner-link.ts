import {
  ConcurrentChangeError,
  LOST_RACE,
  parsePartner,
  partnerCoverage,
  partnerIdFits,
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
  // The partner the form names, read beside the areas its answers are checked against: its id needs only
  // the kind and the organisation typed, so it is read on them, and again only if the answers name another.
  const typed = { kind: String(input.kind ?? ''), organisation: String(input.organisation ?? '') } as Parameters<typeof partnerIdOf>[0];
  const typedId = partnerIdOf(typed);
  const [areas, typedPartner] = await Promise.all([ports.areas.list(), partnerIdFits(typedId) ? ports.partners.get(typedId) : undefined]);
  const answers = parsePartner(input, areas.map((area) => area.areaId));
  const partnerId = partnerIdOf(answers);
  let firstRead = partnerId === typedId ? { existing: typedPartner } : undefined;
  // The partner's email goes from the table's stream once stored with the link.
  const partner = await takeTurns(
    async () => {
      const existing = firstRead ? firstRead.existing : await ports.partners.get(partnerId);
      firstRead = undefined;
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

import {
  nominationLink,
  parseNomination,
  partnerNominationOf,
  type Area,
  type NominationAnswers,
  type Partner,
  type PartnerLinkProblem,
  type Ports,
} from '@pip/domain';
import { nominationEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';
import { formSenders, timelineEntry } from '../timeline/timeline-entry';
import { openPartnerLink } from './partner-link';

export type NominateCandidatePorts = Pick<Ports, 'partners' | 'areas' | 'clock' | 'linkTokens' | 'links' | 'log'>;

export type NominationOutcome =
  | { problem: PartnerLinkProblem }
  /** `already`: the same nomination was stored before (a double click, the form sent again): nothing was stored or sent now. */
  | { problem?: undefined; partner: Partner; area: Area; answers: NominationAnswers; already?: true };

/**
 * A partner puts a candidate forward through the link staff issued it, for an area it covers while
 * applications are open: the candidate is emailed a link to an application with the partner's
 * details of them filled in, and the partner's contact a confirmation at their own address. Without
 * a working partner link nothing is stored or sent.
 */
export async function nominateCandidate(ports: NominateCandidatePorts, partnerToken: string, input: unknown): Promise<NominationOutcome> {
  const opened = await openPartnerLink(ports, partnerToken);
  if (opened.problem) return opened;
  const { partner } = opened;
  const now = ports.clock.now();
  const { answers, area } = parseNomination(partner, opened.openAreas, input, now);
  const nominatedAt = now.toISOString();
  const { url, link } = newEmailedLink(ports, nominationLink(area, partner, answers, nominatedAt));
  // The nominee has no application yet, so the entry names no one: the partner is an organisation.
  const audit = timelineEntry(ports.clock, area.areaId, {
    kind: 'form',
    actor: formSenders.partner(partner.organisation),
    action: 'Nomination made',
    summary: `${partner.organisation} nominated a candidate; they were emailed a link to an application.`,
    at: nominatedAt,
  });
  // One write with its timeline entry and emails, which the table's stream sends: a repeat (a double click) stores and sends nothing.
  const recorded = await ports.partners.recordNomination(partnerNominationOf(partner, answers, nominatedAt), {
    audit,
    emails: [
      { email: nominationEmails.invitation(area, partner, answers, url), link },
      { email: nominationEmails.confirmation(area, partner, answers, ports.links.nominationForm(partnerToken)) },
    ],
  });
  if (!recorded) return { partner, area, answers, already: true };
  ports.log('INFO', 'candidate nominated', { areaId: area.areaId, partnerId: partner.partnerId });
  return { partner, area, answers };
}

import { nominationLink, parseNomination, refuseUnlessRecruiting, type Area, type NominationAnswers, type Ports } from '@pip/domain';
import { nominationEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';
import { queueAndSend } from '../shared/send-emails';

export type NominateCandidatePorts = Pick<Ports, 'areas' | 'clock' | 'linkTokens' | 'links' | 'outbox' | 'delivery' | 'log'>;

/**
 * A partner organisation puts a candidate forward while applications are open: the candidate is
 * emailed a link to an application with the nominator's details of them filled in, and the
 * nominator is emailed a confirmation.
 */
export async function nominateCandidate(
  ports: NominateCandidatePorts,
  areaId: string,
  input: unknown,
): Promise<{ area: Area; answers: NominationAnswers }> {
  const area = await ports.areas.existing(areaId);
  const now = ports.clock.now();
  refuseUnlessRecruiting(area, now);
  const answers = parseNomination(input);
  const { url, link } = newEmailedLink(ports, nominationLink(area, answers, now.toISOString()));
  await queueAndSend(ports, [
    { email: nominationEmails.invitation(area, answers, url), link },
    { email: nominationEmails.confirmation(area, answers, ports.links.nominationForm(areaId)) },
  ]);
  ports.log('INFO', 'candidate nominated', { areaId, body: answers.body });
  return { area, answers };
}

import { ConcurrentChangeError, LOST_RACE, partnerWithdrawn, takeTurns, type Actor, type Ports } from '@pip/domain';
import { existingPartner } from './partners-overview';

/**
 * Staff withdraw a partner's nomination link: it refuses at once. Nominations already made stand.
 * `already` when no link of theirs was working, as after a second click.
 */
export async function revokePartnerLink(ports: Pick<Ports, 'partners' | 'clock' | 'log'>, partnerId: string, actor: Actor): Promise<'withdrawn' | 'already'> {
  const outcome = await takeTurns(
    async () => {
      const partner = await existingPartner(ports, partnerId);
      const withdrawn = partnerWithdrawn(partner, actor, ports.clock.now());
      if (!withdrawn) return 'already' as const;
      return (await ports.partners.save(withdrawn, partner.version)) ? ('withdrawn' as const) : LOST_RACE;
    },
    () => new ConcurrentChangeError('The partner'),
  );
  if (outcome === 'withdrawn') ports.log('INFO', 'partner nomination link withdrawn', { partnerId, by: actor.staffId });
  return outcome;
}

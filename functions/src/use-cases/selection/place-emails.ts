import { placeOfferLink, withdrawalLink, type Application, type Area, type EmailToSend, type NewEmailedLink, type Ports } from '@pip/domain';
import { selectionEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';

type LinkMakingPorts = Pick<Ports, 'linkTokens' | 'links' | 'clock'>;

/** A selected participant's link to withdraw, for the email that tells them they have a place. */
export function withdrawalLinkFor(ports: LinkMakingPorts, area: Area, application: Application): { url: string; link: NewEmailedLink } {
  return newEmailedLink(ports, withdrawalLink(area.areaId, application.applicationId, ports.clock.now()));
}

/** The email offering a reserve the place someone left, with their link to answer by when it expires. */
export function placeOfferedEmail(ports: LinkMakingPorts, area: Area, application: Application): EmailToSend {
  const offer = placeOfferLink(area.areaId, application.applicationId, ports.clock.now());
  const { url, link } = newEmailedLink(ports, offer);
  return { email: selectionEmails.placeOffered(area, application, url, offer.expiresAt), link };
}

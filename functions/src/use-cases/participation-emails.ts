import { placeOfferLink, withdrawalLink, type Application, type Area, type EmailToSend, type NewEmailedLink, type Ports } from '@pip/domain';
import { selectionEmails } from '@pip/mail';
import { newEmailedLink } from './emailed-links';

type LinkMakingPorts = Pick<Ports, 'linkTokens' | 'clock'>;

const participationUrl = (baseUrl: string) => (token: string) => `${baseUrl}/participation/${token}`;

/** A selected participant's link to withdraw, for the email that tells them they have a place. */
export function withdrawalLinkFor(ports: LinkMakingPorts, area: Area, application: Application, baseUrl: string): { url: string; link: NewEmailedLink } {
  return newEmailedLink(ports, withdrawalLink(area.areaId, application.applicationId, ports.clock.now()), participationUrl(baseUrl));
}

/** The email offering a reserve the place someone left, with their link to answer by when it expires. */
export function placeOfferedEmail(ports: LinkMakingPorts, area: Area, application: Application, baseUrl: string): EmailToSend {
  const offer = placeOfferLink(area.areaId, application.applicationId, ports.clock.now());
  const { url, link } = newEmailedLink(ports, offer, participationUrl(baseUrl));
  return { email: selectionEmails.placeOffered(area, application, url, offer.expiresAt), link };
}

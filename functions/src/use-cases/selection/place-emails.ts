import {
  placeOfferLink,
  withdrawalLink,
  type Application,
  type Area,
  type EmailToSend,
  type NewEmailedLink,
  type OutboundEmail,
  type Ports,
} from '@pip/domain';
import { selectionEmails } from '@pip/mail';
import { newEmailedLink } from '../shared/emailed-links';

type LinkMakingPorts = Pick<Ports, 'linkTokens' | 'links' | 'clock'>;

/**
 * The same email about a place, sent on a later occasion: the outbox sends a message id once, and
 * an undone withdrawal can make the same thing happen to the same person again. The first occasion keeps the plain id.
 */
export const onOccasion = (email: OutboundEmail, occasion: number): OutboundEmail =>
  occasion > 0 ? { ...email, messageId: `${email.messageId}-again-${occasion}` } : email;

/** A selected participant's link to withdraw, for the email that tells them they have a place. */
export function withdrawalLinkFor(ports: LinkMakingPorts, area: Area, application: Application): { url: string; link: NewEmailedLink } {
  return newEmailedLink(ports, withdrawalLink(area.areaId, application.applicationId, ports.clock.now()));
}

/**
 * The email offering a reserve the place someone left, with their link to answer by when it expires.
 * `occasion` is how many withdrawals staff had undone when it is offered: an offer an undo withdrew may be made again later.
 */
export function placeOfferedEmail(ports: LinkMakingPorts, area: Area, application: Application, occasion = 0): EmailToSend {
  const offer = placeOfferLink(area.areaId, application.applicationId, ports.clock.now());
  const { url, link } = newEmailedLink(ports, offer);
  return { email: onOccasion(selectionEmails.placeOffered(area, application, url, offer.expiresAt), occasion), link };
}

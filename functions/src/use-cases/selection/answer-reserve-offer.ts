import { OfferClosedError, answerOffer, selectionAudit, withdrawalsUndone, type Actor, type EmailToSend } from '@pip/domain';
import { selectionEmails } from '@pip/mail';
import { changeApprovedSelection, type PlaceChangePorts } from './change-approved-selection';
import { placeOfferedEmail, withdrawalLinkFor } from './place-emails';
import { applicationIn } from './selection-context';
import { calendarsFollowSelection } from './calendars-follow-selection';

export type AnswerReserveOfferPorts = PlaceChangePorts;

/**
 * The reserve offered a place accepts or declines it. Accepting gives them the place (emailed as a
 * selection, with their link to withdraw) and the workshops still to come; declining passes the
 * offer to the next reserve. Refused with OfferClosedError once the offer is answered or passed on.
 */
export async function answerReserveOffer(
  ports: AnswerReserveOfferPorts,
  areaId: string,
  applicationId: string,
  accepted: boolean,
  actor: Actor,
): Promise<void> {
  await changeApprovedSelection(ports, areaId, actor, () => new OfferClosedError(), (approved, context) => {
    const answer = answerOffer(approved, applicationId, accepted, ports.clock.now().toISOString());
    if (!answer) return undefined;
    const person = applicationIn(context, applicationId);
    const offered = answer.offeredTo ? applicationIn(context, answer.offeredTo) : undefined;
    return {
      selection: answer.selection,
      audit: selectionAudit.offerAnswered(person.answers.fullName, accepted, offered?.answers.fullName),
      emails: () => {
        const emails: EmailToSend[] = [];
        if (accepted) {
          const { url, link } = withdrawalLinkFor(ports, context.area, person);
          emails.push({ email: { ...selectionEmails.selected(context.area, person, url, false), messageId: `offer-accepted-${areaId}-${applicationId}` }, link });
        }
        if (offered) emails.push(placeOfferedEmail(ports, context.area, offered, withdrawalsUndone(approved)));
        return emails;
      },
    };
  });
  if (accepted) await calendarsFollowSelection(ports, areaId, { joined: applicationId });
}

import { OfferClosedError } from '@pip/domain';
import { pathParameter } from '../../kit/event';
import { formText } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { linkProblemPage, offerPage, participationDonePage, withdrawPage } from '../../pages/participation-pages';
import { answerReserveOffer } from '../../use-cases/selection/answer-reserve-offer';
import { openParticipationLink, type OpenParticipationLink } from '../../use-cases/selection/place-link';
import { recordWithdrawal } from '../../use-cases/selection/record-withdrawal';
import { linkProblem } from '../shared/link-problem';

const offerClosed = () => participationDonePage('This offer is closed', 'You have already answered this offer, or it has passed to someone else.');

/** GET: the question the link asks while it is still open; otherwise what has become of it. */
export const showLink: RouteHandler = async (event) => {
  const token = pathParameter(event, 'token');
  const opened = await openParticipationLink(platformPorts(), token);
  if (opened.problem) return linkProblem(opened.problem);
  const { link, area, fullName, place } = opened;
  if (link.purpose === 'withdraw') {
    if (place !== 'withdrawn') return htmlResponse(200, withdrawPage(area, fullName, token));
    return htmlResponse(200, participationDonePage('You have withdrawn', 'We have recorded that you are no longer taking part. Thank you for letting us know.'));
  }
  if (place === 'offered') return htmlResponse(200, offerPage(area, fullName, token, link.expiresAt));
  if (place === 'selected') return htmlResponse(200, participationDonePage('You have accepted the place', 'You are taking part. We will email you the briefing and the workshop dates.'));
  return htmlResponse(200, offerClosed());
};

/** The participant withdraws; a second click finds it done. */
async function withdraw({ link, actor, read }: OpenParticipationLink) {
  const outcome = await recordWithdrawal(platformPorts(), link.areaId, link.applicationId, actor, read);
  return htmlResponse(200, outcome === 'withdrawn'
    ? participationDonePage('You have withdrawn', 'We have recorded that you are no longer taking part, and emailed you to confirm. Thank you for letting us know.')
    : participationDonePage('You have withdrawn', 'We had already recorded that you are no longer taking part. Thank you for letting us know.'));
}

/** The reserve accepts or declines the place; an offer already answered or passed on is closed. */
async function answerOffer({ link, actor, read }: OpenParticipationLink, accepted: boolean) {
  try {
    await answerReserveOffer(platformPorts(), link.areaId, link.applicationId, accepted, actor, read);
  } catch (error) {
    if (error instanceof OfferClosedError) return htmlResponse(409, offerClosed());
    throw error;
  }
  return htmlResponse(200, accepted
    ? participationDonePage('You have accepted the place', 'You are taking part. We have emailed you to confirm, and will send the briefing and the workshop dates.')
    : participationDonePage('You have declined the place', 'Thank you for letting us know. The place will be offered to the next person on the reserve list.'));
}

/** POST: what the person chose on the page, if their link is for it. */
export const answerLink: RouteHandler = async (event) => {
  const opened = await openParticipationLink(platformPorts(), pathParameter(event, 'token'));
  if (opened.problem) return linkProblem(opened.problem);
  const action = formText(event, 'action');
  if (opened.link.purpose === 'withdraw' && action === 'withdraw') return withdraw(opened);
  if (opened.link.purpose === 'reserve-offer' && (action === 'accept' || action === 'decline')) return answerOffer(opened, action === 'accept');
  return htmlResponse(400, linkProblemPage('unknown'));
};


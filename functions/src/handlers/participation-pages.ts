import { NotFoundError, sectors } from '@pip/domain';
import type { EmailedLink } from '@pip/storage';
import { pathParameter, publicBaseUrl, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse } from '../kit/responses';
import { linkProblemPage, linkProblemResponse, offerPage, participationDonePage, withdrawPage } from '../pages/participation-pages';
import { recordOfferAnswer, recordWithdrawal, selectionContext } from '../selection-service';
import { openPersonalLink } from '../emailed-links';
import { getPlatform } from '../wiring';

type LinkState =
  | { kind: 'problem'; problem: 'unknown' | 'expired' }
  | { kind: 'ok'; link: EmailedLink & { applicationId: string }; context: Awaited<ReturnType<typeof selectionContext>>; fullName: string };

/** A link is honoured only while it is unexpired and what it offers is still open. */
async function linkState(event: HttpEvent): Promise<LinkState> {
  const opened = await openPersonalLink(pathParameter(event, 'token'), ['withdraw', 'reserve-offer']);
  if (opened.problem) return { kind: 'problem', problem: opened.problem };
  const { link } = opened;
  const context = await selectionContext(link.areaId);
  const application = context.applications.find((a) => a.applicationId === link.applicationId);
  if (!application) throw new NotFoundError('Application');
  return { kind: 'ok', link, context, fullName: application.answers.fullName };
}

const person = (fullName: string) => ({ name: `${fullName} (through their emailed link)` });

export const handler = httpHandler({
  kind: 'page',
  access: 'public',
  body: 'form',
  routes: [
    {
      method: 'GET',
      path: '/participation/{token}',
      handler: async (event) => {
        const state = await linkState(event);
        if (state.kind === 'problem') return linkProblemResponse(state.problem);
        const { link, context, fullName } = state;
        const selection = context.stored;
        const id = link.applicationId;
        if (link.purpose === 'withdraw') {
          if (selection?.withdrawn?.includes(id)) return htmlResponse(200, participationDonePage('You have withdrawn', 'We have recorded that you are no longer taking part. Thank you for letting us know.'));
          return htmlResponse(200, withdrawPage(context.area, fullName, pathParameter(event, 'token')));
        }
        if (sectors.some((sector) => selection?.offered?.[sector] === id)) {
          return htmlResponse(200, offerPage(context.area, fullName, pathParameter(event, 'token'), link.expiresAt));
        }
        const accepted = sectors.some((sector) => selection?.selected[sector].includes(id));
        return htmlResponse(200, participationDonePage(accepted ? 'You have accepted the place' : 'This offer is closed', accepted ? 'You are taking part. We will email you the briefing and the workshop dates.' : 'You have already answered this offer, or it has passed to someone else.'));
      },
    },
    {
      method: 'POST',
      path: '/participation/{token}',
      handler: async (event) => {
        const state = await linkState(event);
        if (state.kind === 'problem') return linkProblemResponse(state.problem);
        const { link, fullName } = state;
        const action = (event.parsedBody as Record<string, string> | undefined)?.action;
        const baseUrl = publicBaseUrl(event, getPlatform().publicBaseUrl);
        if (link.purpose === 'withdraw' && action === 'withdraw') {
          await recordWithdrawal(link.areaId, link.applicationId, person(fullName), baseUrl);
          return htmlResponse(200, participationDonePage('You have withdrawn', 'We have recorded that you are no longer taking part, and emailed you to confirm. Thank you for letting us know.'));
        }
        if (link.purpose === 'reserve-offer' && (action === 'accept' || action === 'decline')) {
          const answered = await recordOfferAnswer(link.areaId, link.applicationId, action === 'accept', person(fullName), baseUrl);
          if (!answered) return htmlResponse(409, participationDonePage('This offer is closed', 'You have already answered this offer, or it has passed to someone else.'));
          return htmlResponse(200, action === 'accept'
            ? participationDonePage('You have accepted the place', 'You are taking part. We have emailed you to confirm, and will send the briefing and the workshop dates.')
            : participationDonePage('You have declined the place', 'Thank you for letting us know. The place will be offered to the next person on the reserve list.'));
        }
        return htmlResponse(400, linkProblemPage('unknown'));
      },
    },
  ],
});

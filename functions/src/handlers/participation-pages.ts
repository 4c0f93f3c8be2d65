import { onFirstUse } from '../kit/routes-on-first-use';
import { pageHandler } from './shared/page-handler';

// Loaded on the first request, so a cold start evaluates the router before the page.
const links = onFirstUse(() => import('./participation-pages/links'));

/** Emailed links for selected participants and reserves: withdrawing, and answering the offer of a place. */
export const handler = pageHandler('participation-pages', {
  'GET /participation/{token}': links.route('showLink'),
  'POST /participation/{token}': links.route('answerLink'),
});

import { routeMapOnFirstUse } from '../kit/routes-on-first-use';
import { pageHandler } from './shared/page-handler';

/** The pages behind personal links in emails: booking consultancy sessions, the follow-up review, the evaluation; each loaded on its first request. */
export const handler = pageHandler('participant-links', {
  ...routeMapOnFirstUse(['GET /consultancy/{token}', 'POST /consultancy/{token}'], () => import('./participant-links/consultancy').then((module) => module.consultancyRoutes)),
  ...routeMapOnFirstUse(['GET /follow-up/{token}', 'POST /follow-up/{token}'], () => import('./participant-links/follow-up').then((module) => module.followUpRoutes)),
  ...routeMapOnFirstUse(['GET /evaluation/{token}', 'POST /evaluation/{token}'], () => import('./participant-links/evaluation').then((module) => module.evaluationRoutes)),
});

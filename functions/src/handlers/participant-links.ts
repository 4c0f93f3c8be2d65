import { pageHandler } from './shared/page-handler';
import { consultancyRoutes } from './participant-links/consultancy';
import { evaluationRoutes } from './participant-links/evaluation';
import { followUpRoutes } from './participant-links/follow-up';

/** The pages behind personal links in emails: booking consultancy sessions, the follow-up review, the evaluation. */
export const handler = pageHandler('participant-links', { ...consultancyRoutes, ...followUpRoutes, ...evaluationRoutes });

import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { privacyPage } from '../../pages/privacy-page';

/** GET /privacy: the privacy notice. */
export const showPrivacyNotice: RouteHandler = () => htmlResponse(200, privacyPage());

import { RecruitmentNotOpenError, ValidationError, openAreasByRegion, recruitmentState } from '@pip/domain';
import { pathParameter, publicBaseUrl, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse, redirect } from '../kit/responses';
import {
  answersFromForm,
  applicationFormPage,
  confirmationPage,
  openAreasPage,
  recruitmentNotOpenPage,
} from '../pages/application-pages';
import type { FormValues } from '../pages/form-fields';
import { nominationFormPage, nominationFromForm, nominationSentPage } from '../pages/nomination-pages';
import { privacyPage } from '../pages/privacy-page';
import { nominateCandidate, nominationFromLink } from '../nomination-service';
import { submitAndDeliver } from '../submit-and-deliver';
import { getPlatform } from '../wiring';

const areaOf = (event: HttpEvent) => getPlatform().areas.existing(pathParameter(event, 'areaId'));

export const handler = httpHandler({
  kind: 'page',
  access: 'public',
  body: 'form',
  routes: [
    { method: 'GET', path: '/', handler: () => redirect('/apply') },
    {
      method: 'GET',
      path: '/apply',
      handler: async () => {
        const { areas, clock } = getPlatform();
        return htmlResponse(200, openAreasPage(openAreasByRegion(await areas.list(), clock.now())));
      },
    },
    {
      method: 'GET',
      path: '/apply/{areaId}',
      handler: async (event) => {
        const area = await areaOf(event);
        const state = recruitmentState(area, getPlatform().clock.now());
        if (state !== 'open') return htmlResponse(200, recruitmentNotOpenPage(area, state));
        const token = event.queryStringParameters?.nomination;
        const nominated = await nominationFromLink(area.areaId, token);
        if (token && !nominated) return htmlResponse(200, applicationFormPage(area, {}, [], undefined, true));
        return htmlResponse(200, applicationFormPage(area, nominated?.prefill ?? {}, [], nominated));
      },
    },
    {
      method: 'POST',
      path: '/apply/{areaId}',
      handler: async (event) => {
        const values = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const nominated = await nominationFromLink(areaId, values.nomination);
        try {
          const result = await submitAndDeliver(event, areaId, answersFromForm(values), nominated?.nomination);
          return htmlResponse(200, confirmationPage(result.area, result.application, result.outcome));
        } catch (error) {
          if (error instanceof ValidationError) {
            return htmlResponse(400, applicationFormPage(await areaOf(event), values, error.fieldErrors, nominated));
          }
          if (error instanceof RecruitmentNotOpenError) return htmlResponse(409, recruitmentNotOpenPage(error.area, error.state));
          throw error;
        }
      },
    },
    {
      method: 'GET',
      path: '/nominate/{areaId}',
      handler: async (event) => {
        const area = await areaOf(event);
        const state = recruitmentState(area, getPlatform().clock.now());
        if (state !== 'open') return htmlResponse(200, recruitmentNotOpenPage(area, state));
        return htmlResponse(200, nominationFormPage(area, {}));
      },
    },
    {
      method: 'POST',
      path: '/nominate/{areaId}',
      handler: async (event) => {
        const values = (event.parsedBody ?? {}) as FormValues;
        try {
          const { area, answers } = await nominateCandidate(pathParameter(event, 'areaId'), nominationFromForm(values), publicBaseUrl(event, getPlatform().publicBaseUrl));
          return htmlResponse(200, nominationSentPage(area, answers));
        } catch (error) {
          if (error instanceof ValidationError) return htmlResponse(400, nominationFormPage(await areaOf(event), values, error.fieldErrors));
          if (error instanceof RecruitmentNotOpenError) return htmlResponse(409, recruitmentNotOpenPage(error.area, error.state));
          throw error;
        }
      },
    },
    { method: 'GET', path: '/privacy', handler: () => htmlResponse(200, privacyPage()) },
  ],
});

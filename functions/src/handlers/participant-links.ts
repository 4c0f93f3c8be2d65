import { ValidationError } from '@pip/domain';
import { SurveyClosedError, submitEvaluation } from '../evaluation-service';
import { evaluationFromForm, evaluationPage, surveyClosedPage } from '../pages/evaluation-pages';
import type { FormValues } from '../pages/form-fields';
import { pathParameter, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse } from '../kit/responses';
import { bookSession, cancelSession, consultancyState, type ConsultancyState } from '../consultancy-service';
import { bookingPage } from '../pages/consultancy-pages';
import { followUpPage } from '../pages/follow-up-pages';
import { linkProblemResponse } from '../pages/participation-pages';
import { openPersonalLink } from '../emailed-links';
import type { LinkPurpose } from '@pip/storage';
import { getPlatform } from '../wiring';

type LinkCheck = { problem: 'unknown' | 'expired' } | { state: ConsultancyState; leadName: string; token: string };

/** The link must be whole, a consultancy link, unexpired, and its holder still a lead of the area. */
async function checkLink(event: HttpEvent): Promise<LinkCheck> {
  const opened = await openPersonalLink(pathParameter(event, 'token'), ['consultancy']);
  if (opened.problem) return { problem: opened.problem };
  const { link, token } = opened;
  const session = (link.details as { session?: number } | undefined)?.session;
  if (session !== 1 && session !== 2) return { problem: 'unknown' };
  const state = await consultancyState(link.areaId, session);
  const lead = state.leads.find((candidate) => candidate.key === link.applicationId);
  if (!lead) return { problem: 'unknown' };
  return { state, leadName: lead.name, token };
}

const MESSAGES = {
  'slot-taken': 'That time has just been taken by someone else. Choose another time.',
  'session-changed': 'The booking changed while you were looking at it, perhaps by the other lead. Check it below and try again.',
  'not-bookable': 'That time can no longer be booked. Choose another time.',
} as const;

export const handler = httpHandler({
  kind: 'page',
  access: 'public',
  body: 'form',
  routes: [
    {
      method: 'GET',
      path: '/consultancy/{token}',
      handler: async (event) => {
        const link = await checkLink(event);
        if ('problem' in link) return linkProblemResponse(link.problem);
        return htmlResponse(200, bookingPage(link.state, link.token));
      },
    },
    {
      method: 'POST',
      path: '/consultancy/{token}',
      handler: async (event) => {
        const link = await checkLink(event);
        if ('problem' in link) return linkProblemResponse(link.problem);
        const form = (event.parsedBody ?? {}) as Record<string, string | undefined>;
        const sequence = Number(form.sequence ?? '-1');
        const { areaId } = link.state.area;
        const { session } = link.state;
        if (form.action === 'cancel') {
          const cancelled = await cancelSession(link.state, link.leadName);
          const state = await consultancyState(areaId, session);
          return cancelled
            ? htmlResponse(200, bookingPage(state, link.token, { notice: 'The session is cancelled. Everyone has been told, and you can book another time.' }))
            : htmlResponse(409, bookingPage(state, link.token, { errors: [{ field: 'main-content', message: 'The session could not be cancelled: it may already be cancelled, or be less than a day away.' }] }));
        }
        if (!form.slotId) {
          return htmlResponse(400, bookingPage(link.state, link.token, { errors: [{ field: 'slotId', message: 'Choose a time' }] }));
        }
        const outcome = await bookSession(link.state, form.slotId, link.leadName, sequence >= 0 ? sequence : undefined);
        const state = await consultancyState(areaId, session);
        if (outcome === 'booked') return htmlResponse(200, bookingPage(state, link.token, { notice: 'Booked. You, the other lead and the facilitator will get an email with a calendar file.' }));
        return htmlResponse(409, bookingPage(state, link.token, { errors: [{ field: 'slotId', message: MESSAGES[outcome] }] }));
      },
    },
    {
      method: 'GET',
      path: '/follow-up/{token}',
      handler: async (event) => {
        const link = await followUpLink(event);
        if (link.problem) return linkProblemResponse(link.problem);
        return htmlResponse(200, followUpPage(link.area, link.name, link.review, link.answer, link.token));
      },
    },
    {
      method: 'POST',
      path: '/follow-up/{token}',
      handler: async (event) => {
        const link = await followUpLink(event);
        if (link.problem) return linkProblemResponse(link.problem);
        const form = (event.parsedBody ?? {}) as Record<string, string | string[] | undefined>;
        const known = new Set(link.review.options.map((option) => option.optionId));
        const answer = {
          applicationId: link.applicationId,
          available: link.review.confirmedOptionId ? (link.answer?.available ?? []) : [form.available ?? []].flat().filter((id) => known.has(id)),
          ...(link.review.confirmedOptionId && (form.attending === 'yes' || form.attending === 'no') ? { attending: form.attending === 'yes' } : link.answer?.attending !== undefined ? { attending: link.answer.attending } : {}),
        };
        await getPlatform().consultancy.saveFollowUpAnswer(link.area.areaId, answer);
        return htmlResponse(200, followUpPage(link.area, link.name, link.review, answer, link.token, 'Thank you: your answer is saved. You can change it with the same link.'));
      },
    },
    {
      method: 'GET',
      path: '/evaluation/{token}',
      handler: async (event) => {
        const link = await evaluationLink(event);
        if (link.problem) return linkProblemResponse(link.problem);
        if (link.closed) return htmlResponse(200, surveyClosedPage(link.area));
        return htmlResponse(200, evaluationPage(link.area, link.name, link.token, (link.response?.answers ?? {}) as FormValues));
      },
    },
    {
      method: 'POST',
      path: '/evaluation/{token}',
      handler: async (event) => {
        const link = await evaluationLink(event);
        if (link.problem) return linkProblemResponse(link.problem);
        const values = (event.parsedBody ?? {}) as FormValues;
        try {
          await submitEvaluation(link.area, link.applicationId, evaluationFromForm(values));
        } catch (error) {
          if (error instanceof ValidationError) return htmlResponse(400, evaluationPage(link.area, link.name, link.token, values, { errors: error.fieldErrors }));
          if (error instanceof SurveyClosedError) return htmlResponse(409, surveyClosedPage(link.area));
          throw error;
        }
        return htmlResponse(200, evaluationPage(link.area, link.name, link.token, values, { notice: 'Thank you: your evaluation is saved. You can change it with the same link until the survey closes.' }));
      },
    },
  ],
});

/**
 * A personal link whose holder is a participant of its area, with what the page needs of them:
 * `read` gets it for the link's area and participant, in parallel with the area and its
 * applications, and answers undefined when there is nothing (yet) to answer.
 */
async function participantLink<T extends object>(event: HttpEvent, purpose: LinkPurpose, read: (areaId: string, applicationId: string) => Promise<T | undefined>) {
  const opened = await openPersonalLink(pathParameter(event, 'token'), [purpose]);
  if (opened.problem) return { problem: opened.problem };
  const { link, token } = opened;
  const platform = getPlatform();
  const [area, applications, found] = await Promise.all([platform.areas.get(link.areaId), platform.applications.listForArea(link.areaId), read(link.areaId, link.applicationId)]);
  const participant = applications.find((application) => application.applicationId === link.applicationId);
  if (!area || !participant || !found) return { problem: 'unknown' as const };
  return { problem: undefined, token, area, applicationId: participant.applicationId, name: participant.answers.fullName, ...found };
}

/** An evaluation link: whole, unexpired, for a participant of an area whose survey has opened. */
const evaluationLink = (event: HttpEvent) =>
  participantLink(event, 'evaluation', async (areaId, applicationId) => {
    const { evaluation } = getPlatform();
    const [survey, response] = await Promise.all([evaluation.survey(areaId), evaluation.response(areaId, applicationId)]);
    return survey ? { closed: survey.closedAt !== undefined, response } : undefined;
  });

/** A follow-up link: whole, unexpired, for a participant of an area whose review dates are proposed. */
const followUpLink = (event: HttpEvent) =>
  participantLink(event, 'follow-up', async (areaId, applicationId) => {
    const { consultancy } = getPlatform();
    const [review, answer] = await Promise.all([consultancy.followUp(areaId), consultancy.followUpAnswer(areaId, applicationId)]);
    return review ? { review, answer } : undefined;
  });

import type { MiddlewareObj } from '@middy/core';
import { DomainError, RecruitmentNotOpenError, ValidationError, formatUkDateTime } from '@pip/domain';
import { html } from '@pip/html';
import { messagePage } from '../pages/layout';
import type { HttpEvent, HttpResult } from './event';
import { HttpError } from './http-error';
import { describeError, log } from './log';
import { htmlResponse, jsonResponse, redirect } from './responses';
import { SignInRequiredError } from './staff-auth';

interface Refusal {
  status: number;
  title: string;
  message: string;
  errors?: { path: string; message: string }[];
}

/** What a person is told about an error. Anything unexpected is logged and never shown. */
function refusalFor(error: unknown, requestId: string): Refusal {
  if (error instanceof ValidationError) {
    return {
      status: 400,
      title: 'There is a problem',
      message: error.message,
      errors: error.fieldErrors.map(({ field, message }) => ({ path: field, message })),
    };
  }
  if (error instanceof RecruitmentNotOpenError) {
    const { area, state } = error;
    const message =
      state === 'closed'
        ? `Applications for ${area.name} closed at ${formatUkDateTime(area.recruitment.closesAt)}.`
        : `Applications for ${area.name} open at ${formatUkDateTime(area.recruitment.opensAt)}.`;
    return { status: 409, title: state === 'closed' ? 'Applications have closed' : 'Applications are not open yet', message };
  }
  if (error instanceof DomainError) return { status: error.status, title: titleFor(error.status), message: error.message };
  if (error instanceof HttpError) return { status: error.status, title: titleFor(error.status), message: error.message };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (status === 404 || status === 405) return { status: 404, title: 'Page not found', message: 'If you typed the web address, check it is correct.' };
  log('ERROR', 'request failed', { requestId, ...describeError(error) });
  return {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    message: `Try again later. If you contact the programme team, quote reference ${requestId}.`,
  };
}

function titleFor(status: number): string {
  if (status === 404) return 'Page not found';
  if (status === 413) return 'Your answers are too long to send';
  if (status === 415) return 'The form could not be read';
  if (status === 401) return 'Sign in to continue';
  if (status === 403) return 'You cannot do that';
  return 'There is a problem';
}

/** Where to go from an error page: staff back to their overview, everyone else to the open areas. */
function onwardLink(path: string) {
  return path === '/staff' || path.startsWith('/staff/')
    ? html`<a class="govuk-link" href="/staff">Go to the programme overview</a>`
    : html`<a class="govuk-link" href="/apply">See the areas open for applications</a>`;
}

/** Maps every error to a GOV.UK page or a JSON body with the same meaning. */
export function errorResponses(kind: 'page' | 'json'): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      if (kind === 'page' && request.error instanceof SignInRequiredError) {
        request.response = redirect(`/staff/sign-in?returnTo=${encodeURIComponent(request.event.rawPath)}`);
        return;
      }
      const refusal = refusalFor(request.error, request.context.awsRequestId ?? request.event.requestContext.requestId);
      // A mistyped /api/ address reaches the pages' function by the `$default` route; it still gets JSON.
      const asJson = kind === 'json' || request.event.rawPath.startsWith('/api/');
      request.response =
        asJson
          ? jsonResponse(refusal.status, { message: refusal.message, ...(refusal.errors ? { errors: refusal.errors } : {}) })
          : htmlResponse(refusal.status, messagePage(refusal.title, [refusal.message, onwardLink(request.event.rawPath)]));
    },
  };
}

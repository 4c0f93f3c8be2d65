import type { MiddlewareObj } from '@middy/core';
import { ConflictError, DomainError, EmailLimitReachedError, NotFoundError, RecruitmentNotOpenError, ValidationError } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import type { HttpEvent, HttpResult } from './event';
import { HttpError } from './http-error';
import { describeError, log } from './log';
import { htmlResponse, jsonResponse, redirect } from './responses';
import { SignInRequiredError } from './staff-auth';

/** How a function shows a refusal as a page: the kit is handed it, so the kit imports no page. */
export type ErrorPage = (title: string, paragraphs: (string | SafeHtml)[]) => SafeHtml;

interface Refusal {
  status: number;
  title: string;
  message: string;
  errors?: { path: string; message: string }[];
}

/**
 * The one place where each kind of refusal gets its HTTP status and its words. The domain says what
 * kind of refusal it is; nothing below the kit knows about HTTP. Anything unexpected is logged and never shown.
 */
function refusalFor(error: unknown, requestId: string): Refusal {
  if (error instanceof DomainError) {
    return {
      status: statusFor(error),
      title: titleOf(error),
      message: error.message,
      ...(error instanceof ValidationError || error instanceof EmailLimitReachedError
        ? { errors: error.fieldErrors.map(({ field, message }) => ({ path: field, message })) }
        : {}),
    };
  }
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

/**
 * The HTTP status of each kind of refusal: answers to correct 400, not found 404, not possible as
 * things stand 409, and 429 when an address has had all the emails the public forms may send it today.
 */
export function statusFor(error: DomainError): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof EmailLimitReachedError) return 429;
  if (error instanceof ConflictError) return 409;
  return 400;
}

function titleOf(error: DomainError): string {
  if (error instanceof RecruitmentNotOpenError) return error.state === 'closed' ? 'Applications have closed' : 'Applications are not open yet';
  if (error instanceof NotFoundError) return 'Page not found';
  return 'There is a problem';
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

/** Maps every error to a page (drawn by the function's own error page) or a JSON body with the same meaning. */
export function errorResponses(kind: 'page' | 'json', errorPage?: ErrorPage): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      if (kind === 'page' && request.error instanceof SignInRequiredError) {
        request.response = redirect(`/staff/sign-in?returnTo=${encodeURIComponent(request.event.rawPath)}`);
        return;
      }
      const refusal = refusalFor(request.error, request.context.awsRequestId ?? request.event.requestContext.requestId);
      // A mistyped /api/ address reaches the pages' function by the `$default` route; it still gets JSON.
      const asJson = kind === 'json' || !errorPage || request.event.rawPath.startsWith('/api/');
      request.response = asJson
        ? jsonResponse(refusal.status, { message: refusal.message, ...(refusal.errors ? { errors: refusal.errors } : {}) })
        : htmlResponse(refusal.status, errorPage(refusal.title, [refusal.message, onwardLink(request.event.rawPath)]));
    },
  };
}

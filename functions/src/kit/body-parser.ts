import type { MiddlewareObj } from '@middy/core';
import type { HttpEvent, HttpResult } from './event';
import { header } from './headers';
import { joinDateParts } from './form-dates';
import { HttpError } from './http-error';

/** Far above any honest application (two 250-word answers), far below API Gateway's 10 MB. */
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyKind = 'form' | 'json';

const CONTENT_TYPES: Record<BodyKind, string> = {
  form: 'application/x-www-form-urlencoded',
  json: 'application/json',
};

/** A field posted once is a string; a field posted several times (checkboxes) is a list. */
function formFields(params: URLSearchParams): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = fields[name];
    fields[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return fields;
}

/**
 * Parses the body of requests that carry one: refuses it with 413 when too large and 415 when it
 * is not the kind the route accepts. Forms become a plain object of their fields (a date's three
 * fields joined into one), JSON stays as sent.
 */
export function bodyParser(kind: BodyKind): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    before: (request) => {
      const { event } = request;
      if (event.body === undefined || event.body === null || event.requestContext.http.method === 'GET') return;
      const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
      if (raw.byteLength > MAX_BODY_BYTES) {
        throw new HttpError(413, `The request body must be ${MAX_BODY_BYTES / 1024} KB or smaller`);
      }
      const mediaType = (header(event, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (mediaType !== CONTENT_TYPES[kind]) {
        throw new HttpError(415, `Send the body as ${CONTENT_TYPES[kind]}`);
      }
      const text = raw.toString('utf8');
      if (kind === 'form') {
        event.parsedBody = joinDateParts(formFields(new URLSearchParams(text)));
        return;
      }
      try {
        event.parsedBody = JSON.parse(text);
      } catch {
        throw new HttpError(400, 'The request body is not valid JSON');
      }
    },
  };
}

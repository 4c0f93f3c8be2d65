import type { SafeHtml } from '@pip/html';
import type { HttpResult } from './event';

export function htmlResponse(statusCode: number, page: SafeHtml): HttpResult {
  return { statusCode, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page.value };
}

export function jsonResponse(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

export function redirect(location: string): HttpResult {
  return { statusCode: 303, headers: { location }, body: '' };
}

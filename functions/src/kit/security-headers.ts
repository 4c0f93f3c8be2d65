import type { MiddlewareObj } from '@middy/core';
import type { HttpEvent, HttpResult } from './event';

// Pages load only the platform's own styles, fonts and images, and post only to themselves.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

function withSecurityHeaders(response: HttpResult | undefined): void {
  if (!response) return;
  response.headers = { ...HEADERS, 'cache-control': 'no-store', ...response.headers };
}

export function securityHeaders(): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    after: (request) => withSecurityHeaders(request.response as HttpResult),
    onError: (request) => withSecurityHeaders(request.response as HttpResult | undefined),
  };
}

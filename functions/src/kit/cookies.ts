import type { HttpEvent } from './event';

export function cookie(event: HttpEvent, name: string): string | undefined {
  for (const entry of event.cookies ?? []) {
    const separator = entry.indexOf('=');
    if (separator > 0 && entry.slice(0, separator).trim() === name) return decodeURIComponent(entry.slice(separator + 1).trim());
  }
  return undefined;
}

/** Cookies the platform sets are never readable by scripts and, on https, never sent in clear. */
export function setCookie(
  event: HttpEvent,
  name: string,
  value: string,
  options: { maxAgeSeconds: number; sameSite: 'Lax' | 'Strict' },
): string {
  const secure = event.headers?.['x-forwarded-proto'] === 'https' || !/^(localhost|127\.0\.0\.1)(:|$)/u.test(event.requestContext.domainName);
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    `SameSite=${options.sameSite}`,
    `Max-Age=${options.maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

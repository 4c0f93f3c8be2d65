import type { HttpEvent, HttpResult } from '../../kit/event';
import { redirect } from '../../kit/responses';

/**
 * What a page says once a form on it has done its work (post, redirect, get): the form
 * redirects with `?done=<what>` and the page shows that notice. Only the notices listed are
 * shown, whatever the address says.
 */
export function notices<What extends string>(messages: Record<What, string>) {
  return {
    /** Back to the page at `path` (which may carry a query already), saying what was done. */
    redirect: (path: string, what: What): HttpResult => redirect(`${path}${path.includes('?') ? '&' : '?'}done=${what}`),
    /** The notice the address asks for, if it is one of these. */
    of: (event: HttpEvent): string | undefined => {
      const what = event.queryStringParameters?.done;
      return what !== undefined && Object.hasOwn(messages, what) ? messages[what as What] : undefined;
    },
  };
}

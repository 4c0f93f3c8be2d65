import { formRoute } from '../../kit/form';
import type { HttpEvent } from '../../kit/event';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { peoplePage } from '../../pages/people-page';
import { findPeople } from '../../use-cases/roster/find-people';

const typedIn = (event: HttpEvent): string | undefined => event.queryStringParameters?.q;

/** GET /staff/people?q=...: the search form, then everyone in any area whose name or email contains what was typed. */
export const showPeople = formRoute(
  async (event) => {
    const typed = typedIn(event);
    if (typed === undefined) return htmlResponse(200, peoplePage(staffView(event), { typed: '', errors: [] }));
    return htmlResponse(200, peoplePage(staffView(event), { typed, found: await findPeople(platformPorts(), typed), errors: [] }));
  },
  (event, status, { errors }) => htmlResponse(status, peoplePage(staffView(event), { typed: typedIn(event) ?? '', errors })),
);

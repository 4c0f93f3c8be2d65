import type { HttpEvent } from '../../kit/event';
import { formRoute, formValues, readForm } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { actorOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { isConfirmed } from '../../pages/confirmation-page';
import { eraseConfirmationPage, personErasedPage } from '../../pages/person-erasure-pages';
import { personRecordPage } from '../../pages/person-record-page';
import { erasePerson } from '../../use-cases/people/erase-person';
import { exportPerson, holdsNothing } from '../../use-cases/people/export-person';

const asked = (event: HttpEvent): string | undefined => event.queryStringParameters?.email;

/** GET /staff/people/record?email=...: everything held about the address, readable; without an address, the form that asks for one. */
export const showPersonRecord = formRoute(
  async (event) => {
    const typed = asked(event);
    if (typed === undefined) return htmlResponse(200, personRecordPage(staffView(event), { typed: '', errors: [] }));
    return htmlResponse(200, personRecordPage(staffView(event), { typed, record: await exportPerson(platformPorts(), typed), errors: [] }));
  },
  (event, status, { errors }) => htmlResponse(status, personRecordPage(staffView(event), { typed: asked(event) ?? '', errors })),
);

/** GET /staff/people/record.json?email=...: the same as one JSON file to download, for the person's subject access request. */
export const downloadPersonRecord: RouteHandler = async (event) => {
  const record = await exportPerson(platformPorts(), asked(event));
  const exportedAt = platformPorts().clock.now().toISOString();
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="person-record-${exportedAt.slice(0, 10)}.json"` },
    body: JSON.stringify({ exportedAt, ...record }, null, 2),
  };
};

/** POST /staff/people/erase: first the page that says what goes and what stays; confirmed, the person is erased and told what changed. */
export const postErasure = formRoute(
  async (event) => {
    const { email } = readForm(event, { email: 'text' });
    if (!isConfirmed(formValues(event))) {
      const record = await exportPerson(platformPorts(), email);
      if (holdsNothing(record)) return htmlResponse(200, personRecordPage(staffView(event), { typed: email, record, errors: [] }));
      return htmlResponse(200, eraseConfirmationPage(staffView(event), record));
    }
    return htmlResponse(200, personErasedPage(staffView(event), await erasePerson(platformPorts(), email, actorOf(event))));
  },
  (event, status, { values, errors }) => htmlResponse(status, personRecordPage(staffView(event), { typed: values.email ?? '', errors })),
);

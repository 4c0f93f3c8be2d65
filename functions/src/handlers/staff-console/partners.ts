import { pathParameter, type HttpEvent } from '../../kit/event';
import { formList, formRoute, formValues, readForm } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { actorOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { isConfirmed } from '../../pages/confirmation-page';
import { partnersPage, withdrawPartnerPage, type PartnerFormState } from '../../pages/partner-pages';
import { issuePartnerLink } from '../../use-cases/recruitment/issue-partner-link';
import { existingPartner, partnersOverview } from '../../use-cases/recruitment/partners-overview';
import { revokePartnerLink } from '../../use-cases/recruitment/revoke-partner-link';
import { notices } from '../shared/notices';

const done = notices({
  issued: 'The partner’s contact has been emailed their nomination link.',
  withdrawn: 'The nomination link has been withdrawn: it no longer works',
  'already-withdrawn': 'That nomination link had already stopped working',
});

const partnerForm = { kind: 'text', organisation: 'text', areaIds: 'list', regionId: 'text', contactName: 'text', contactEmail: 'text' } as const;

async function showPage(event: HttpEvent, status: number, form: PartnerFormState) {
  return htmlResponse(status, partnersPage(staffView(event), await partnersOverview(platformPorts()), form));
}

/** GET /staff/partners: every partner, its link and its nominations, and the form that issues a link. */
export const showPartners: RouteHandler = (event) => showPage(event, 200, { values: {}, areaIds: [], errors: [], notice: done.of(event) });

/** POST /staff/partners: issues the partner its link (replacing any it had), or shows the form again with what to correct. */
export const postPartner = formRoute(
  async (event) => {
    await issuePartnerLink(platformPorts(), readForm(event, partnerForm), actorOf(event));
    return done.redirect('/staff/partners', 'issued');
  },
  (event, status, { values, errors }) => showPage(event, status, { values, areaIds: formList(event, 'areaIds'), errors }),
);

/** POST /staff/partners/{partnerId}/revoke: first the page that asks to confirm; confirmed, the link is withdrawn. */
export const revokePartner: RouteHandler = async (event) => {
  const partnerId = pathParameter(event, 'partnerId');
  if (!isConfirmed(formValues(event))) return htmlResponse(200, withdrawPartnerPage(staffView(event), await existingPartner(platformPorts(), partnerId)));
  const outcome = await revokePartnerLink(platformPorts(), partnerId, actorOf(event));
  return done.redirect('/staff/partners', outcome === 'withdrawn' ? 'withdrawn' : 'already-withdrawn');
};

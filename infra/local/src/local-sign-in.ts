import { html } from '@pip/html';
import { httpRouter } from '@pip/functions/kit/http-handler';
import { htmlResponse } from '@pip/functions/kit/responses';
import { messagePage, page } from '@pip/functions/pages/layout';
import { platformPorts } from '@pip/functions/composition-root';
import { readForm } from '@pip/functions/kit/form';
import { safeReturnPath, startStaffSession } from '@pip/functions/kit/staff-session';
import { localStaff, type LocalStaffIdentity } from './staff-identity';

export const LOCAL_SIGN_IN_PATH = '/local/staff-sign-in';

/**
 * The local-only sign-in page: pick a demo staff member and get the same session cookies Cognito's
 * sign-in gives in AWS. It is served by the local platform alone and is never part of the CDK stack.
 */
export function localSignInHandler(identity: LocalStaffIdentity) {
  return httpRouter({
    kind: 'page',
    body: 'form',
    errorPage: messagePage,
    routes: [
      {
        method: 'GET',
        public: true,
        path: LOCAL_SIGN_IN_PATH,
        handler: (event) => {
          const returnTo = safeReturnPath(event.queryStringParameters?.returnTo);
          return htmlResponse(
            200,
            page({
              title: 'Sign in as programme staff (local)',
              content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Sign in as programme staff</h1>
<div class="govuk-inset-text">This page exists only on the local platform. In AWS, staff sign in with Cognito.</div>
<form method="post" action="${LOCAL_SIGN_IN_PATH}" novalidate>
<input type="hidden" name="returnTo" value="${returnTo}">
<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Who are you?</legend>
<div class="govuk-radios">${localStaff.map(
                (staff, index) => html`<div class="govuk-radios__item"><input class="govuk-radios__input" id="staff-${index}" name="staffId" type="radio" value="${staff.staffId}"${index === 0 ? html` checked` : ''}>
<label class="govuk-label govuk-radios__label" for="staff-${index}">${staff.name}</label></div>`,
              )}</div></fieldset></div>
<button type="submit" class="govuk-button">Sign in</button>
</form></div></div>`,
            }),
          );
        },
      },
      {
        method: 'POST',
        public: true,
        path: LOCAL_SIGN_IN_PATH,
        handler: (event) => {
          const form = readForm(event, { staffId: 'text', returnTo: 'text' });
          const staff = localStaff.find((member) => member.staffId === form.staffId) ?? localStaff[0]!;
          return startStaffSession(platformPorts().staff, event, identity.issueIdToken(staff), form.returnTo || '/staff');
        },
      },
    ],
  });
}

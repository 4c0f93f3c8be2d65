import { html } from '@pip/html';
import { platformPorts } from '@pip/functions/composition-root';
import { readForm } from '@pip/functions/kit/form';
import { htmlResponse } from '@pip/functions/kit/responses';
import { safeReturnPath, startStaffSession } from '@pip/functions/kit/staff-session';
import { button, formWithCsrf, insetText, radios, twoThirds } from '@pip/functions/pages/components/index';
import { page } from '@pip/functions/pages/layout';
import { localPage } from './local-page';
import { localGroupsOf, localReferenceGroup, localStaff, type LocalStaffIdentity } from './staff-identity';

export const LOCAL_SIGN_IN_PATH = '/local/staff-sign-in';

/**
 * The local-only sign-in page: pick a demo staff member and get the same session cookies Cognito's
 * sign-in gives in AWS. It is served by the local platform alone and is never part of the CDK stack.
 */
export function localSignInHandler(identity: LocalStaffIdentity) {
  return localPage(
    LOCAL_SIGN_IN_PATH,
    (event) => {
      const signIn = formWithCsrf({
        action: LOCAL_SIGN_IN_PATH,
        hidden: { returnTo: safeReturnPath(event.queryStringParameters?.returnTo) },
        content: html`${radios({
          name: 'staffId',
          idPrefix: 'staff',
          fieldset: { legend: { text: 'Who are you?', classes: 'govuk-fieldset__legend--m' } },
          items: [
            ...localStaff.map((staff) => ({ value: staff.staffId, text: staff.name })),
            ...localReferenceGroup.map((member) => ({ value: member.staffId, text: `${member.name} (reference group: ${member.role.toLowerCase()})` })),
          ],
          value: localStaff[0]!.staffId,
        })}
${button({ text: 'Sign in' })}`,
      });
      return htmlResponse(
        200,
        page({
          title: 'Sign in (local)',
          content: twoThirds(html`<h1 class="govuk-heading-l">Sign in as programme staff or the reference group</h1>
${insetText({ text: 'This page exists only on the local platform. In AWS, staff and the reference group sign in with Cognito.' })}
${signIn}`),
        }),
      );
    },
    (event) => {
      const form = readForm(event, { staffId: 'text', returnTo: 'text' });
      const person = [...localStaff, ...localReferenceGroup].find((member) => member.staffId === form.staffId) ?? localStaff[0]!;
      const { staffId, name, email } = person;
      return startStaffSession(platformPorts().staff, event, identity.issueIdToken({ staffId, name, email }, localGroupsOf(staffId)), form.returnTo || '/staff');
    },
  );
}

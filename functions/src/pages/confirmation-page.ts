import { html, type SafeHtml } from '@pip/html';
import { button, buttonGroup, formWithCsrf, twoThirds, warningText } from './components';
import { page } from './layout';
import type { StaffView } from './staff-view';

/** The field a confirmation page posts back: an action that needs confirming refuses a post without it. */
export const CONFIRMED_FIELD = 'confirmed';

export interface ConfirmationParams {
  /** A question, as GOV.UK asks it: "Are you sure you want to cancel this session?" */
  title: string;
  /** What will happen, one line each, in the order it happens. */
  consequences: readonly (string | SafeHtml)[];
  /** Who will be emailed, by name; an empty list says nobody will be. */
  emailed?: readonly string[];
  /** Said in a warning when the action cannot be undone. */
  irreversible?: string;
  /** Where the confirmed form posts, with the fields of the form that asked. */
  action: string;
  hidden?: Readonly<Record<string, string | undefined>>;
  confirmText: string;
  /** Back to where the person came from, without doing anything. */
  cancelHref: string;
  staff: StaffView;
}

/**
 * The page between a click and an action that emails many people or cannot be undone. The action
 * it posts to acts only with `confirmed=yes`, so the first form's click alone never does it.
 */
export function confirmationPage(params: ConfirmationParams): SafeHtml {
  const emailed = params.emailed;
  const emailLines =
    emailed === undefined
      ? ''
      : emailed.length === 0
        ? html`<p class="govuk-body">Nobody will be emailed.</p>`
        : html`<p class="govuk-body">${emailed.length === 1 ? 'This person' : `These ${emailed.length} people`} will be emailed:</p>
<ul class="govuk-list govuk-list--bullet">${emailed.map((name) => html`<li>${name}</li>`)}</ul>`;
  const form = formWithCsrf({
    action: params.action,
    csrfToken: params.staff.csrfToken,
    hidden: { ...params.hidden, [CONFIRMED_FIELD]: 'yes' },
    content: buttonGroup(
      button({ text: params.confirmText, classes: params.irreversible ? 'warning' : undefined, preventDoubleClick: true }),
      html`<a class="govuk-link" href="${params.cancelHref}">Cancel</a>`,
    ),
  });
  return page({
    title: params.title,
    staff: params.staff,
    backLink: params.cancelHref,
    content: twoThirds(html`<h1 class="govuk-heading-l">${params.title}</h1>
<ul class="govuk-list govuk-list--bullet">${params.consequences.map((line) => html`<li>${line}</li>`)}</ul>
${emailLines}
${params.irreversible ? warningText({ text: params.irreversible }) : ''}
${form}`),
  });
}

/** Whether a posted form came from a confirmation page. */
export const isConfirmed = (form: Readonly<Record<string, unknown>>): boolean => form[CONFIRMED_FIELD] === 'yes';

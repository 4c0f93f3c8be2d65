import { formatUkDate, formatUkTime, type ReminderRound } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, formWithCsrf } from './components';

export interface ReminderSectionParams {
  /** The section's id, where a refusal to remind links to: `reminderField` of its kind. */
  id: string;
  /** Where the button posts: the action's confirmation page, which names who will be emailed. */
  action: string;
  csrfToken: string;
  hidden?: Readonly<Record<string, string>>;
  /** The latest round of this kind, if any was sent. */
  last: ReminderRound | undefined;
  /** Whether anyone can be reminded now. */
  canRemind: boolean;
  /** Says who, such as "the leads"; "those who have not answered" unless told. */
  whom?: string;
}

/** When those who have not answered were last reminded, and the button that leads to reminding them again. */
export function reminderSection(params: ReminderSectionParams): SafeHtml {
  const round = params.last;
  const last = round
    ? html`<p class="govuk-body">Last reminded on ${formatUkDate(round.at)} at ${formatUkTime(round.at)} by ${round.by}: ${round.reminded.join(', ')}.</p>`
    : html`<p class="govuk-body">No reminder sent yet.</p>`;
  const form = params.canRemind
    ? formWithCsrf({
        action: params.action,
        csrfToken: params.csrfToken,
        hidden: params.hidden,
        content: button({ text: `Send a reminder to ${params.whom ?? 'those who have not answered'}`, classes: 'secondary' }),
      })
    : '';
  return html`<div id="${params.id}">${last}
${form}</div>`;
}

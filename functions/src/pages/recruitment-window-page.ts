import { formatUkDateTime, recruitmentState, ukClockTimeOf, ukDateOf, type Area, type FieldError } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorSummary, formWithCsrf, insetText, notificationBanner, twoThirds } from './components';
import type { FormValues } from './form-fields';
import { page } from './layout';
import { moment } from './new-area-page';
import type { StaffView } from './staff-view';

export interface RecruitmentWindowView {
  area: Area;
  now: Date;
  values: FormValues;
  errors: readonly FieldError[];
  notice?: string;
}

/** The form's answers: what the person sent back, else the window as it stands. */
function valuesOf(view: RecruitmentWindowView): FormValues {
  const { opensAt, closesAt } = view.area.recruitment;
  const stored = {
    'opens-date': ukDateOf(new Date(opensAt)),
    'opens-time': ukClockTimeOf(opensAt),
    'closes-date': ukDateOf(new Date(closesAt)),
    'closes-time': ukClockTimeOf(closesAt),
  };
  return { ...stored, ...view.values };
}

/**
 * Staff move an area's recruitment window while applications have not closed: both dates before
 * they open, only the close once they are open. Once closed, the window is shown and no longer changes.
 */
export function recruitmentWindowPage(staff: StaffView, view: RecruitmentWindowView): SafeHtml {
  const { area } = view;
  const areaPath = `/staff/areas/${encodeURIComponent(area.areaId)}`;
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const state = recruitmentState(area, view.now);
  const values = valuesOf(view);
  const [open, close] = state === 'closed' ? ['opened', 'closed'] : state === 'open' ? ['opened', 'close'] : ['open', 'close'];
  const { opensAt, closesAt } = area.recruitment;
  const standing = html`<p class="govuk-body">Applications ${open} at ${formatUkDateTime(opensAt)} and ${close} at ${formatUkDateTime(closesAt)}.</p>`;
  const form = formWithCsrf({
    action: `${areaPath}/window`,
    csrfToken: staff.csrfToken,
    hidden: { seenOpensAt: view.values.seenOpensAt ?? area.recruitment.opensAt, seenClosesAt: view.values.seenClosesAt ?? area.recruitment.closesAt },
    content: html`${state === 'open' ? '' : moment('Applications open (UK time)', 'opens', '', values, errors)}
${moment('Applications close (UK time)', 'closes', '', values, errors)}
${button({ text: 'Change the window', preventDoubleClick: true })}`,
  });
  const body =
    state === 'closed'
      ? insetText({ text: 'Applications have closed, so the recruitment window can no longer be changed.' })
      : html`${insetText({
          text:
            state === 'open'
              ? 'Applications are open, so only the closing date can move. Applications already made stay as they are.'
              : 'Applications have not opened yet. The area appears on the application page, and its workflow starts, when they open.',
        })}
<p class="govuk-body">The workflow follows a new closing date within the hour: selection starts when applications close.</p>
${form}`;
  return page({
    title: `Recruitment window, ${area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: areaPath,
    content: twoThirds(html`${errorSummary(view.errors)}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Recruitment window</h1>
${notificationBanner({ type: 'success', text: view.notice })}
${standing}
${body}`),
  });
}

import { DAY, formatUkDateTime } from '@pip/domain';
import { html } from '@pip/html';
import { formText } from '@pip/functions/kit/form';
import { htmlResponse, redirect } from '@pip/functions/kit/responses';
import { button, formWithCsrf, input, insetText, twoThirds } from '@pip/functions/pages/components/index';
import { page } from '@pip/functions/pages/layout';
import { localPage } from './local-page';
import type { LocalWorkflowHandle } from './workflow-platform';

export const LOCAL_CLOCK_PATH = '/local/clock';
const LONGEST_MOVE_DAYS = 366;

/**
 * The local-only clock control: moves the platform's time forward so that a demo can watch waits
 * end (recruitment closing, workshops passing) without waiting weeks. Never part of the CDK stack.
 */
export function localClockHandler(workflow: LocalWorkflowHandle) {
  return localPage(
    LOCAL_CLOCK_PATH,
    () => {
      const now = new Date(Date.now() + workflow.clockOffset());
      const moveForm = formWithCsrf({
        action: LOCAL_CLOCK_PATH,
        content: html`${input({ name: 'days', label: { text: 'Move forward by this many days' }, inputmode: 'numeric', classes: 'govuk-input--width-4', value: '7' })}
${button({ text: 'Move the clock forward' })}`,
      });
      return htmlResponse(
        200,
        page({
          title: 'Platform clock (local)',
          content: twoThirds(html`<h1 class="govuk-heading-l">Platform clock</h1>
${insetText({ text: 'This page exists only on the local platform. It moves time forward for every handler and every area workflow; it never moves back.' })}
<p class="govuk-body">The platform's time is <strong>${formatUkDateTime(now)}</strong>, ${Math.round(workflow.clockOffset() / DAY)} days ahead of this machine.</p>
${moveForm}`),
        }),
      );
    },
    async (event) => {
      const days = Number(formText(event, 'days'));
      if (Number.isFinite(days) && days > 0 && days <= LONGEST_MOVE_DAYS) await workflow.advanceClock(days * DAY);
      return redirect(LOCAL_CLOCK_PATH);
    },
  );
}

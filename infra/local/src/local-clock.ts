import { DAY, formatUkDateTime } from '@pip/domain';
import { html } from '@pip/html';
import { httpRouter } from '@pip/functions/kit/http-handler';
import { formText } from '@pip/functions/kit/form';
import { htmlResponse, redirect } from '@pip/functions/kit/responses';
import { messagePage, page } from '@pip/functions/pages/layout';
import type { LocalWorkflowHandle } from './workflow-platform';

export const LOCAL_CLOCK_PATH = '/local/clock';

/**
 * The local-only clock control: moves the platform's time forward so that a demo can watch waits
 * end (recruitment closing, workshops passing) without waiting weeks. Never part of the CDK stack.
 */
export function localClockHandler(workflow: LocalWorkflowHandle) {
  return httpRouter({
    kind: 'page',
    body: 'form',
    errorPage: messagePage,
    routes: [
      {
        method: 'GET',
        public: true,
        path: LOCAL_CLOCK_PATH,
        handler: () => {
          const now = new Date(Date.now() + workflow.clockOffset());
          return htmlResponse(
            200,
            page({
              title: 'Platform clock (local)',
              content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Platform clock</h1>
<div class="govuk-inset-text">This page exists only on the local platform. It moves time forward for every handler and every area workflow; it never moves back.</div>
<p class="govuk-body">The platform's time is <strong>${formatUkDateTime(now)}</strong>, ${Math.round(workflow.clockOffset() / DAY)} days ahead of this machine.</p>
<form method="post" action="${LOCAL_CLOCK_PATH}" novalidate>
<div class="govuk-form-group"><label class="govuk-label" for="days">Move forward by this many days</label>
<input class="govuk-input govuk-input--width-4" id="days" name="days" type="text" inputmode="numeric" value="7"></div>
<button type="submit" class="govuk-button">Move the clock forward</button>
</form></div></div>`,
            }),
          );
        },
      },
      {
        method: 'POST',
        public: true,
        path: LOCAL_CLOCK_PATH,
        handler: async (event) => {
          const days = Number(formText(event, 'days'));
          if (Number.isFinite(days) && days > 0 && days <= 366) await workflow.advanceClock(days * DAY);
          return redirect(LOCAL_CLOCK_PATH);
        },
      },
    ],
  });
}

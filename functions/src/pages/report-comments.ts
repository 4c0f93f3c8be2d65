import type { StaffComment } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, formWithCsrf, insetText, tag } from './components';
import type { StaffView } from './staff-view';

/**
 * Every comment of the area, for staff, each marked publishable or not with the button that changes
 * it. Published reports carry only the comments marked publishable, and never who wrote them.
 */
export function staffComments(staff: StaffView, reportPath: string, comments: readonly StaffComment[]): SafeHtml {
  const heading = html`<h2 class="govuk-heading-m" id="comments">Comments</h2>
<p class="govuk-body">Only comments marked publishable appear in published reports, without names. Check a comment names nobody before you mark it.</p>`;
  if (comments.length === 0) return html`${heading}\n<p class="govuk-body">No comments yet.</p>`;
  const one = (comment: StaffComment, index: number) => {
    const status = comment.publishable ? tag({ text: 'Publishable' }) : tag({ text: 'Not for publication', classes: 'govuk-tag--grey' });
    const form = formWithCsrf({
      action: `${reportPath}/comments`,
      csrfToken: staff.csrfToken,
      hidden: { applicationId: comment.applicationId, version: String(comment.version), publishable: comment.publishable ? 'no' : 'yes' },
      content: button({
        text: html`${comment.publishable ? 'Withdraw from publication' : 'Mark as publishable'}<span class="govuk-visually-hidden">: comment ${
          index + 1
        }</span>`,
        classes: 'secondary',
      }),
    });
    return html`<div class="govuk-!-margin-bottom-6">
${insetText({ text: comment.text })}
<p class="govuk-body">${status}</p>
${form}
</div>`;
  };
  return html`${heading}
${comments.map(one)}`;
}

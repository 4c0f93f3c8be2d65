import { html, type SafeHtml } from '@pip/html';
import { attributes } from './field-parts';

export interface NotificationBannerParams {
  /** Nothing is shown without text, so that a page can pass the notice it may have. */
  text: string | undefined;
  /** `success` for what the last action did: announced at once, as an alert. */
  type?: 'success';
  titleText?: string;
  titleId?: string;
}

export function notificationBanner(params: NotificationBannerParams): SafeHtml {
  if (!params.text) return html``;
  const success = params.type === 'success';
  const titleId = params.titleId ?? 'notice-title';
  const banner = attributes({
    class: `govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`,
    role: success ? 'alert' : 'region',
    'aria-labelledby': titleId,
    'data-module': 'govuk-notification-banner',
  });
  const title = params.titleText ?? (success ? 'Success' : 'Important');
  return html`<div${banner}>
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="${titleId}">${title}</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${params.text}</p></div>
</div>`;
}

import { nominatingBodies, partnerRules, regions, type Area, type FieldError, type Partner } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, checkboxes, errorSummary, formWithCsrf, input, notificationBanner, radios, select, table, tag, type TableCell } from './components';
import { confirmationPage } from './confirmation-page';
import type { FormValues } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

/** One partner as the page lists it; the use case's summary, by shape. */
export interface PartnerRow {
  partner: Partner;
  coverage: string;
  link: { state: 'live' | 'unknown' | 'withdrawn' | 'expired'; text: string };
  nominationsMade: number;
}

export interface PartnersView {
  partners: readonly PartnerRow[];
  /** Every area, by name, for a consortium's coverage. */
  areas: readonly Area[];
}

/** What was posted, with the areas ticked (a list, which form values do not keep), what to correct, and what was just done. */
export interface PartnerFormState {
  values: FormValues;
  areaIds: readonly string[];
  errors: readonly FieldError[];
  notice?: string;
}

const linkTags = {
  live: tag({ text: 'Link working', classes: 'govuk-tag--green' }),
  withdrawn: tag({ text: 'Withdrawn', classes: 'govuk-tag--grey' }),
  expired: tag({ text: 'Expired', classes: 'govuk-tag--grey' }),
  unknown: tag({ text: 'No link', classes: 'govuk-tag--grey' }),
};

/** Which partner a button in a row acts on, for those who hear the button without its row. */
const hiddenName = (preposition: string, partner: Partner) => html`<span class="govuk-visually-hidden"> ${preposition} ${partner.organisation}</span>`;

const partnerPath = (partner: Partner) => `/staff/partners/${encodeURIComponent(partner.partnerId)}/revoke`;

/** The partner's details as the add form takes them, so that one click sends it a new link. */
function sendAgainForm(partner: Partner, staff: StaffView): SafeHtml {
  const { kind, organisation, regionId, contactName, contactEmail } = partner;
  const hidden = { kind, organisation, regionId, contactName, contactEmail };
  const areas = (partner.areaIds ?? []).map((areaId) => html`<input type="hidden" name="areaIds" value="${areaId}">`);
  return formWithCsrf({
    action: '/staff/partners',
    csrfToken: staff.csrfToken,
    hidden,
    classes: 'govuk-!-margin-bottom-2',
    content: html`${areas}${button({ text: html`Send a new link${hiddenName('to', partner)}`, classes: 'secondary', inline: true })}`,
  });
}

function actions({ partner, link }: PartnerRow, staff: StaffView): SafeHtml {
  const withdraw =
    link.state === 'live'
      ? formWithCsrf({
          action: partnerPath(partner),
          csrfToken: staff.csrfToken,
          content: button({ text: html`Withdraw link${hiddenName('of', partner)}`, classes: 'secondary', inline: true }),
        })
      : '';
  return html`${sendAgainForm(partner, staff)}${withdraw}`;
}

const actionsHeading = html`<span class="govuk-visually-hidden">Actions</span>`;
const consortiumNote = html`<br><span class="govuk-body-s">Local ChangeUp consortium</span>`;

function partnersTable(view: PartnersView, staff: StaffView): SafeHtml {
  if (view.partners.length === 0) return html`<p class="govuk-body">No partner has a nomination link yet.</p>`;
  const numeric = (value: number): TableCell => ({ text: String(value), format: 'numeric' });
  return table({
    caption: 'Partners and their links',
    captionClasses: 'govuk-table__caption--m',
    head: ['Partner', 'Nominates for', 'Contact', 'Link', { text: 'Nominations made', format: 'numeric' }, actionsHeading],
    firstCellIsHeader: true,
    rows: view.partners.map((row) => [
      html`${row.partner.organisation}${row.partner.kind === 'changeup-consortium' ? consortiumNote : ''}`,
      row.coverage,
      html`${row.partner.contactName}<br><a class="govuk-link" href="mailto:${row.partner.contactEmail}">${row.partner.contactEmail}</a>`,
      html`${linkTags[row.link.state]}<br><span class="govuk-body-s">${row.link.text}</span>`,
      numeric(row.nominationsMade),
      actions(row, staff),
    ]),
  });
}

function issueForm(view: PartnersView, form: PartnerFormState, staff: StaffView): SafeHtml {
  const errors = new Map(form.errors.map((problem) => [problem.field, problem.message]));
  const { values } = form;
  return formWithCsrf({
    action: '/staff/partners',
    csrfToken: staff.csrfToken,
    content: html`${radios({
      name: 'kind',
      fieldset: { legend: { text: 'Which partner is it?', classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errors.get('kind'),
      classes: 'govuk-radios--small',
      items: Object.entries(nominatingBodies).map(([value, text]) => ({ value, text })),
      value: values.kind,
    })}
${input({
  name: 'organisation',
  label: { text: 'Name of the local ChangeUp consortium', classes: 'govuk-label--s' },
  hint: 'Only for a local ChangeUp consortium. A national body is named for you.',
  errorMessage: errors.get('organisation'),
  value: values.organisation,
})}
${checkboxes({
  name: 'areaIds',
  fieldset: { legend: { text: 'Areas the consortium nominates for', classes: 'govuk-fieldset__legend--s' } },
  hint: 'Only for a local ChangeUp consortium: tick its areas, or choose its whole region below instead.',
  errorMessage: errors.get('areaIds'),
  classes: 'govuk-checkboxes--small',
  items: view.areas.map((area) => ({ value: area.areaId, text: area.name })),
  values: form.areaIds,
})}
${select({
  name: 'regionId',
  label: { text: 'Or the region the consortium nominates for', classes: 'govuk-label--s' },
  errorMessage: errors.get('regionId'),
  items: [{ value: '', text: 'Not a whole region' }, ...regions.map((region) => ({ value: region.regionId, text: region.name }))],
  value: values.regionId,
})}
${input({
  name: 'contactName',
  label: { text: 'Contact name', classes: 'govuk-label--s' },
  hint: 'The person who will use the link.',
  errorMessage: errors.get('contactName'),
  value: values.contactName,
})}
${input({
  name: 'contactEmail',
  type: 'email',
  label: { text: 'Contact email address', classes: 'govuk-label--s' },
  hint: 'We email the link here, and confirm each nomination to this address.',
  errorMessage: errors.get('contactEmail'),
  value: values.contactEmail,
  spellcheck: false,
})}
${button({ text: 'Send the link', preventDoubleClick: true })}`,
  });
}

/** Staff issue and withdraw the links through which partner organisations nominate, and see what each has done. */
export function partnersPage(staff: StaffView, view: PartnersView, form: PartnerFormState): SafeHtml {
  const years = Math.round(partnerRules.linkLastsDays / 365);
  return page({
    title: 'Nomination partners',
    staff,
    hasErrors: form.errors.length > 0,
    backLink: '/staff',
    content: html`${errorSummary(form.errors)}
${notificationBanner({ text: form.notice, type: 'success' })}
<h1 class="govuk-heading-l">Nomination partners</h1>
<p class="govuk-body">The four national infrastructure organisations and local ChangeUp consortia nominate voluntary and community sector leaders
through a personal link we email to their contact. Nobody else can nominate. A link works for ${years} years unless you withdraw it.</p>
${partnersTable(view, staff)}
<h2 class="govuk-heading-m">Send a partner its nomination link</h2>
<p class="govuk-body">If the partner has a link already, the new one replaces it and the old one stops working.</p>
${issueForm(view, form, staff)}`,
  });
}

/** The page between "Withdraw link" and withdrawing it. */
export function withdrawPartnerPage(staff: StaffView, partner: Partner): SafeHtml {
  return confirmationPage({
    title: `Are you sure you want to withdraw the nomination link of ${partner.organisation}?`,
    consequences: [
      `The link sent to ${partner.contactName} stops working at once: nobody can nominate through it.`,
      'Nominations already made through it stand, and so do the candidates’ own links to apply.',
      'To let them nominate again, send them a new link from the partners page.',
    ],
    emailed: [],
    action: partnerPath(partner),
    confirmText: 'Yes, withdraw the link',
    cancelHref: '/staff/partners',
    staff,
  });
}

import {
  formatUkDateTime,
  nominationFieldMeta,
  nominationFields,
  nominationSchema,
  inputFromForm,
  type Area,
  type FieldError,
  type NominationAnswers,
  type Partner,
  type PartnerLinkProblem,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorSummary, formWithCsrf, insetText, panel, radios, twoThirds } from './components';
import { formField, type FormValues } from './form-fields';
import { messagePage, page } from './layout';

export function nominationFromForm(form: FormValues): Record<string, unknown> {
  return inputFromForm(nominationSchema.shape, form);
}

/** A partner's nomination form: who it is (from its link, not asked), and the areas it may nominate for today. */
export interface NominationFormView {
  token: string;
  partner: Partner;
  openAreas: readonly Area[];
}

const formPath = (token: string) => `/nominate/${encodeURIComponent(token)}`;

function areaChoice(areas: readonly Area[], value: string | undefined, error: string | undefined): SafeHtml {
  return radios({
    name: 'areaId',
    fieldset: { legend: { text: nominationFieldMeta('areaId').title, classes: 'govuk-fieldset__legend--s' } },
    errorMessage: error,
    classes: 'govuk-radios--small',
    items: areas.map((area) => ({ value: area.areaId, text: `${area.name} (applications close ${formatUkDateTime(area.recruitment.closesAt)})` })),
    // With one area to choose from there is no choice to make.
    value: value ?? (areas.length === 1 ? areas[0]!.areaId : undefined),
  });
}

function nominationForm({ token, openAreas }: NominationFormView, values: FormValues, errorFor: Map<string, string>): SafeHtml {
  if (openAreas.length === 0) {
    return insetText({ text: 'None of the areas you nominate for is taking applications at the moment. This link will work again when one opens.' });
  }
  return formWithCsrf({
    action: formPath(token),
    content: html`${areaChoice(openAreas, values.areaId, errorFor.get('areaId'))}
${nominationFields
  .filter((name) => name !== 'areaId')
  .map((name) => formField({ name, meta: nominationFieldMeta(name), value: values[name], error: errorFor.get(name) }))}
${button({ text: 'Send nomination', preventDoubleClick: true })}`,
  });
}

export function nominationFormPage(view: NominationFormView, values: FormValues, errors: readonly FieldError[] = []): SafeHtml {
  const { partner } = view;
  return page({
    title: 'Nominate a candidate',
    hasErrors: errors.length > 0,
    content: twoThirds(html`${errorSummary(errors)}
<span class="govuk-caption-l">${partner.organisation}</span>
<h1 class="govuk-heading-l">Nominate a candidate</h1>
<p class="govuk-body">You are nominating as ${partner.contactName} of ${partner.organisation}, through the personal link the programme team
sent you. If you are not ${partner.contactName}, do not use this link: contact the programme team.</p>
<p class="govuk-body">We will email the person you nominate a link to an application with the details you give here filled in, and send you
a confirmation at ${partner.contactEmail}. They decide whether to apply.</p>
${nominationForm(view, values, new Map(errors.map((error) => [error.field, error.message])))}`),
  });
}

export function nominationSentPage({ partner, area, answers, already }: { partner: Partner; area: Area; answers: NominationAnswers; already?: true }, token: string): SafeHtml {
  const title = already ? 'Nomination already sent' : 'Nomination sent';
  const what = already
    ? html`<p class="govuk-body">You have already nominated ${answers.candidateName} at ${answers.candidateEmail} for ${area.name}. We emailed them a link to apply
and sent a confirmation to ${partner.contactEmail} then, and have not emailed either again.</p>`
    : html`<p class="govuk-body">We have emailed ${answers.candidateName} at ${answers.candidateEmail} a link to apply,
and sent a confirmation to ${partner.contactEmail}.</p>`;
  return page({
    title,
    content: twoThirds(html`${panel({ titleText: title })}
${what}
<p class="govuk-body">Applications for ${area.name} close at ${formatUkDateTime(area.recruitment.closesAt)}.</p>
<p class="govuk-body"><a class="govuk-link" href="${formPath(token)}">Nominate someone else</a></p>`),
  });
}

const howToNominate =
  'Nominations come through the personal link the programme team gives each partner organisation: the four national infrastructure ' +
  'organisations and local ChangeUp consortia.';

const linkProblems: Record<PartnerLinkProblem, { title: string; why: string }> = {
  unknown: {
    title: 'This nomination link does not work',
    why: 'There is no nomination form at this address, or the link was copied wrongly or cut short. Check that you used the whole link from our email.',
  },
  withdrawn: {
    title: 'This nomination link has been withdrawn',
    why: 'The programme team has withdrawn this link, or sent your organisation a new one. Use the link in our most recent email.',
  },
  expired: { title: 'This nomination link has expired', why: 'Nomination links work for the length of the programme, and this one has run out.' },
};

/** The answer to a nomination address that does not open: what is wrong, how nominations work, and nothing changed. */
export function nominationLinkProblemPage(problem: PartnerLinkProblem): SafeHtml {
  const { title, why } = linkProblems[problem];
  return messagePage(title, [
    why,
    howToNominate,
    'If your organisation should be able to nominate and has no working link, contact the programme team. Nothing has been sent.',
  ]);
}

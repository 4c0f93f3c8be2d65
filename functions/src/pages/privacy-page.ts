import { html, type SafeHtml } from '@pip/html';
import { twoThirds } from './components';
import { page } from './layout';

export function privacyPage(): SafeHtml {
  return page({
    title: 'Privacy notice',
    content: twoThirds(html`<h1 class="govuk-heading-l">Privacy notice</h1>
<p class="govuk-body">The Partnership Improvement Programme is run by a programme team from two national bodies.
This notice explains what we do with the information you give when you apply or take part.</p>
<h2 class="govuk-heading-m">What we collect</h2>
<p class="govuk-body">Your name, contact details, organisation, job title and sector; your answers about partnership experience,
what you want from the programme and whether you can attend; any accessibility needs you tell us about; and, only if you choose to answer,
whether you take part in a local black and minority ethnic (BME) network and whether your organisation is a Local Area Agreement (LAA) provider.</p>
<h2 class="govuk-heading-m">How we use it</h2>
<ul class="govuk-list govuk-list--bullet">
<li>to review applications and select six council and six voluntary and community sector participants for each area, in a way we can explain afterwards</li>
<li>to pay particular attention to people from local BME networks and LAA providers, as the programme sets out to do</li>
<li>to email you about your application and, if you are selected, the workshops and reviews</li>
<li>to arrange anything you need to take part fully</li>
</ul>
<p class="govuk-body">Reports we publish refer to areas anonymously and never name participants.</p>
<h2 class="govuk-heading-m">How long we keep it</h2>
<p class="govuk-body">We keep applications until the programme in your area has finished its last progress review, then for one year for evaluation,
after which we delete them.</p>
<h2 class="govuk-heading-m">Your rights</h2>
<p class="govuk-body">You can ask to see, correct or delete your information, or withdraw your application at any time,
by contacting the programme team. You can also complain to the Information Commissioner's Office.</p>`),
  });
}

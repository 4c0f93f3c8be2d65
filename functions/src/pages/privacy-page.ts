import { keptForTheProgramme, retentionSchedule, whenInWords, type RetentionRule } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { summaryList, twoThirds } from './components';
import { page } from './layout';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the notice says of one rule: what the record is, how long it is kept, what is left of it, and why. */
export function retentionRow(rule: RetentionRule): { what: string; when: string; leaves: string; why: string } {
  return { what: capitalised(rule.what), when: capitalised(whenInWords(rule)), leaves: capitalised(rule.leaves), why: capitalised(rule.reason) };
}

/** One rule as a heading and a summary list, which reads as well on a phone as on a desk. */
function retentionSection(rule: RetentionRule): SafeHtml {
  const { what, when, leaves, why } = retentionRow(rule);
  return html`<h3 class="govuk-heading-s">${what}</h3>
${summaryList({
  rows: [
    { key: 'How long we keep it', value: when },
    { key: 'What is left afterwards', value: leaves },
    { key: 'Why', value: why },
  ],
})}`;
}

/**
 * The privacy notice. Its periods are the retention schedule's own (the rules the platform enforces
 * every day), so the notice and the practice cannot disagree.
 */
export function privacyPage(schedule: readonly RetentionRule[] = retentionSchedule): SafeHtml {
  return page({
    title: 'Privacy notice',
    content: twoThirds(html`<h1 class="govuk-heading-l">Privacy notice</h1>
<p class="govuk-body">The Partnership Improvement Programme is run by a programme team from two national bodies.
This notice explains what we do with the information you give when you apply, are nominated or take part.</p>
<h2 class="govuk-heading-m">What we collect</h2>
<p class="govuk-body">Your name, contact details, organisation, job title and sector; your answers about partnership experience,
what you want from the programme and whether you can attend; any accessibility needs you tell us about; and, only if you choose to answer,
whether you take part in a local black and minority ethnic (BME) network and whether your organisation is a Local Area Agreement (LAA) provider.</p>
<p class="govuk-body">If you take part, we also keep your attendance at workshops, your bookings and answers for the progress reviews,
and your evaluation of the programme. We keep the emails we send you and whether they arrived.</p>
<h2 class="govuk-heading-m">How we use it</h2>
<ul class="govuk-list govuk-list--bullet">
<li>to review applications and select six council and six voluntary and community sector participants for each area, in a way we can explain afterwards</li>
<li>to pay particular attention to people from local BME networks and LAA providers, as the programme sets out to do</li>
<li>to email you about your application and, if you are selected, the workshops and reviews</li>
<li>to arrange anything you need to take part fully</li>
</ul>
<p class="govuk-body">Reports we publish refer to areas anonymously and never name participants.</p>
<h2 class="govuk-heading-m" id="how-long">What we keep, for how long, and why</h2>
<p class="govuk-body">We keep each kind of information only as long as the programme needs it. The platform removes it itself
when its time comes, every day, and records how many records it removed, never what they said.</p>
${schedule.map(retentionSection)}
<h2 class="govuk-heading-m" id="for-the-programme">What we keep for the whole programme</h2>
<p class="govuk-body">${keptForTheProgramme.audit}</p>
<p class="govuk-body">${keptForTheProgramme.backups}</p>
<h2 class="govuk-heading-m" id="your-rights">Your rights</h2>
<p class="govuk-body">You can ask us for a copy of everything we hold about you, to correct it, or to erase it.
Reply to any email we sent you, or write to the address our emails come from, and say which you want.
You can also withdraw your application, or your place, at any time with the link in our emails.</p>
<ul class="govuk-list govuk-list--bullet">
<li>A copy: the programme team sends you everything the platform holds about your email address, in every area you applied to, as a readable page and as a file, within one month.</li>
<li>Erasure: the programme team removes your name, contact details and answers from every record, and any personal links we sent you stop working.
What is left is a reference that identifies nobody, so that the programme’s figures (how many applied, how many took part, how the workshops were rated) stay true.
The record of decisions keeps that an erasure happened, when and by whom, but not who you were.</li>
</ul>
<p class="govuk-body">You can also complain to the Information Commissioner’s Office.</p>`),
  });
}

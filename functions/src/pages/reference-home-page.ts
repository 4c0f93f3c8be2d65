import type { Region } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { insetText, twoThirds } from './components';
import { page } from './layout';
import type { StaffView } from './staff-view';

export interface ReferenceHomeView {
  /** Who is signed in: a member of the reference group, or staff seeing what the group sees. */
  member: StaffView;
  /** Regions with a published report to read. */
  regions: readonly Region[];
}

const regionReportPath = (region: Region) => `/reference/regions/${encodeURIComponent(region.regionId)}/report`;

/** The reference group's home: what they can read (reports, the library), and the promise that it never names a person. */
export function referenceHomePage(view: ReferenceHomeView): SafeHtml {
  const regionLinks = view.regions.length
    ? html`<ul class="govuk-list">
${view.regions.map((region) => html`<li><a class="govuk-link" href="${regionReportPath(region)}">${region.name}</a></li>`)}
</ul>`
    : html`<p class="govuk-body">No region has an area in the programme yet.</p>`;
  return page({
    title: 'Reference group',
    referenceGroup: view.member,
    content: twoThirds(html`<span class="govuk-caption-l">Reference group</span>
<h1 class="govuk-heading-l">What the programme publishes</h1>
<p class="govuk-body">Here you can read the programme’s published evaluation reports and its library of action plans, to review its learning and outcomes.</p>
${insetText({ text: 'No page here names an area (reports number them: Area 1, Area 2 and so on) or shows a participant’s name, email address or application.' })}
<h2 class="govuk-heading-m">Evaluation reports</h2>
<p class="govuk-body">How participants rated the programme’s materials, content and facilitation, and what it changed for them, with the comments the programme team has marked for publication.</p>
<p class="govuk-body"><a class="govuk-link" href="/reference/reports">The whole programme</a></p>
<h3 class="govuk-heading-s">By region</h3>
${regionLinks}
<h2 class="govuk-heading-m">Library of action plans</h2>
<p class="govuk-body">Objectives from the areas’ agreed action plans that the programme team has chosen to share, by theme and region, with their latest progress.</p>
<p class="govuk-body"><a class="govuk-link" href="/reference/library">Read the library of action plans</a></p>`),
  });
}

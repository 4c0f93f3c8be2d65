import {
  formatUkDate,
  regionName,
  rosterSectionOf,
  rosterSections,
  rosterStatusInWords,
  sectorTitle,
  workshopPresenceWords,
  type AreaRoster,
  type RosterRow,
  type RosterSection,
  unreachableInWords,
  unreachableWords,
  type UnreachableAddress,
  type Workshop,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { details, insetText, table, tag } from './components';
import { page } from './layout';
import type { StaffView } from './staff-view';

const mailto = (email: string) => html`<a class="govuk-link" href="mailto:${email}">${email}</a>`;

/** Why the platform could not reach this address, and what it does now, so staff check it with the person. */
function reachability(applicationPath: string, unreachable: UnreachableAddress | undefined): SafeHtml | string {
  if (!unreachable) return '';
  return html`<br>${tag({ text: unreachableWords[unreachable.problem], classes: 'govuk-tag--red' })}
<br><span class="govuk-body-s">${unreachableInWords(unreachable)} <a class="govuk-link" href="${applicationPath}#email-address">Correct the address</a></span>`;
}

function person(base: string, { application, unreachable }: RosterRow): SafeHtml {
  const { applicationId, answers } = application;
  const applicationPath = `${base}/applications/${encodeURIComponent(applicationId)}`;
  return html`<a class="govuk-link" href="${applicationPath}">${answers.fullName}</a>
<br><span class="govuk-body-s">${answers.jobTitle}, ${answers.organisation}<br>${sectorTitle(answers.sector)}</span>
<br><span class="govuk-body-s">${mailto(answers.email)}</span>${reachability(applicationPath, unreachable)}`;
}

function workshopList(row: RosterRow, workshops: readonly Workshop[]): SafeHtml {
  return html`<ul class="govuk-list govuk-body-s">${row.record.workshops.map((presence, index) => {
    const workshop = workshops.find((candidate) => candidate.number === index + 1);
    const when = workshop ? html`<span class="govuk-visually-hidden"> on ${formatUkDate(workshop.startsAt)}</span>` : '';
    return html`<li>${index + 1}${when}: ${workshopPresenceWords[presence]}</li>`;
  })}</ul>`;
}

/** Those who are or were in the group: everything they have done in the programme. */
function participantsTable(base: string, title: string, rows: readonly RosterRow[], workshops: readonly Workshop[]): SafeHtml {
  return table({
    caption: title,
    captionClasses: 'govuk-visually-hidden',
    head: ['Participant', 'Status', 'Workshops', 'Consultancy sessions', 'Follow-up review', 'Evaluation'],
    rows: rows.map((row) => [
      person(base, row),
      rosterStatusInWords(row.status),
      workshopList(row, workshops),
      html`<span class="govuk-body-s">${row.record.consultancy}</span>`,
      row.record.followUp,
      row.record.evaluation,
    ]),
  });
}

/** Those never in the group: who they are and where they stand. */
function applicantsTable(base: string, title: string, rows: readonly RosterRow[]): SafeHtml {
  return table({
    caption: title,
    captionClasses: 'govuk-visually-hidden',
    head: ['Applicant', 'Status'],
    rows: rows.map((row) => [person(base, row), rosterStatusInWords(row.status)]),
  });
}

function groupEmails(rows: readonly RosterRow[]): SafeHtml {
  const emails = rows.map((row) => row.application.answers.email);
  if (emails.length === 0) return html``;
  return html`<p class="govuk-body"><a class="govuk-link" href="mailto:${emails.join(',')}">Email everyone in the group</a></p>
${details({ summaryText: 'Email addresses of everyone in the group, to copy', content: html`<p class="govuk-body">${emails.join('; ')}</p>` })}`;
}

function workshopDates(workshops: readonly Workshop[]): SafeHtml {
  if (workshops.length === 0) return html`<p class="govuk-body">The workshops are not scheduled yet.</p>`;
  return html`<p class="govuk-body">Workshops: ${workshops.map((workshop) => `${workshop.number} on ${formatUkDate(workshop.startsAt)}`).join(', ')}.</p>`;
}

const sectionIds: Record<RosterSection, string> = {
  group: 'in-the-group',
  reserves: 'reserves',
  withdrawn: 'withdrawn',
  'not-selected': 'not-selected',
  'awaiting-selection': 'awaiting-selection',
};

/** An area's roster: everyone who applied, by where they stand, with emails, attendance and the later stages. */
export function rosterPage(staff: StaffView, roster: AreaRoster): SafeHtml {
  const { area, approved, workshops, rows } = roster;
  const base = `/staff/areas/${encodeURIComponent(area.areaId)}`;
  const sections = (Object.keys(rosterSections) as RosterSection[])
    .map((section) => ({ section, title: rosterSections[section], rows: rows.filter((row) => rosterSectionOf(row.status) === section) }))
    .filter(({ rows: inSection }) => inSection.length > 0);
  const contents = html`<ul class="govuk-list">${sections.map(
    ({ section, title, rows: inSection }) => html`<li><a class="govuk-link" href="#${sectionIds[section]}">${title} (${inSection.length})</a></li>`,
  )}</ul>`;
  return page({
    title: `Roster, ${area.name}`,
    staff,
    backLink: base,
    content: html`<span class="govuk-caption-l">${regionName(area.regionId)} – ${area.name}</span>
<h1 class="govuk-heading-l">Roster</h1>
<p class="govuk-body">Everyone who applied for ${area.name}, where they stand now, and what they have done in the programme.</p>
<ul class="govuk-list">
<li><a class="govuk-link" href="${base}/roster.csv" download>Download the roster (CSV)</a></li>
<li><a class="govuk-link" href="/staff/people">Find a person in any area</a></li>
</ul>
${approved ? '' : insetText({ text: 'The selection is not approved yet, so everyone who applied is awaiting selection.' })}
${rows.length === 0 ? html`<p class="govuk-body">No applications yet.</p>` : contents}
${workshopDates(workshops)}
${sections.map(
  ({ section, title, rows: inSection }) => html`<h2 class="govuk-heading-m" id="${sectionIds[section]}">${title}</h2>
${section === 'group' ? groupEmails(inSection) : ''}
${section === 'group' || section === 'withdrawn' ? participantsTable(base, title, inSection, workshops) : applicantsTable(base, title, inSection)}
`,
)}`,
  });
}

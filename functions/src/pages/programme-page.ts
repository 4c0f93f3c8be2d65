import {
  DEFAULT_WORKSHOP_MINUTES,
  areaStages,
  formatUkDate,
  formatUkDateTime,
  staffSteps,
  ukDateOf,
  venueHosts,
  type Area,
  type AreaProgress,
  type FieldError,
  type StaffStep,
  type WorkshopSchedule,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { dateInput, errorSummary, type FormValues, simpleInput, successBanner } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-pages';

export interface ProgrammeView {
  area: Area;
  progress: AreaProgress | undefined;
  visit: { visitedOn: string; notes?: string; recordedBy: string } | undefined;
  workshops: WorkshopSchedule | undefined;
  /** The step the workflow is waiting for staff at, if any. */
  waitingFor: StaffStep | undefined;
  values: FormValues;
  errors: FieldError[];
  notice?: string;
  participants: { applicationId: string; name: string }[];
  attendance: Record<number, { present: string[]; recordedBy: string }>;
  now: Date;
}

function attendanceForms(view: ProgrammeView, hidden: SafeHtml, areaPath: string): SafeHtml {
  const held = (view.workshops?.workshops ?? []).filter((workshop) => Date.parse(workshop.startsAt) <= view.now.getTime());
  if (held.length === 0) return html`<p class="govuk-body">Attendance can be recorded once a workshop has started.</p>`;
  return html`${held.map((workshop) => {
    const record = view.attendance[workshop.number];
    return html`<form method="post" action="${areaPath}/programme/attendance" novalidate>${hidden}<input type="hidden" name="workshop" value="${String(workshop.number)}">
<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Workshop ${workshop.number}, ${formatUkDate(workshop.startsAt)}${record ? ` (recorded by ${record.recordedBy})` : ''}</legend>
<div class="govuk-checkboxes govuk-checkboxes--small">${view.participants.map(
      (participant) => html`<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="present-${String(workshop.number)}-${participant.applicationId}" name="present" type="checkbox" value="${participant.applicationId}"${record?.present.includes(participant.applicationId) ? html` checked` : ''}>
<label class="govuk-label govuk-checkboxes__label" for="present-${String(workshop.number)}-${participant.applicationId}">${participant.name}</label></div>`,
    )}</div></fieldset></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-prevent-double-click="true">Record attendance at workshop ${String(workshop.number)}</button></form>`;
  })}`;
}

const ukTimeOf = (instant: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));


function timeline(progress: AreaProgress | undefined): SafeHtml {
  if (!progress) return html`<p class="govuk-body">The workflow of this area has not started: it starts when recruitment opens.</p>`;
  return html`<ol class="govuk-list pip-timeline">${progress.history.map(
    (event) => html`<li><strong>${areaStages[event.stage]}</strong> · ${formatUkDateTime(event.at)}<br><span class="govuk-body-s">${event.what}</span></li>\n`,
  )}</ol>`;
}

/** Values for the workshop form: what was posted, else the stored schedule, else sensible defaults. */
function workshopValue(view: ProgrammeView, name: string, fallback: string): string {
  return view.values[name] ?? fallback;
}

function workshopForm(view: ProgrammeView, staff: StaffView, errors: Map<string, string>): SafeHtml {
  const stored = view.workshops?.workshops ?? [];
  return html`<form method="post" action="/staff/areas/${encodeURIComponent(view.area.areaId)}/programme/workshops" novalidate>
<input type="hidden" name="csrfToken" value="${staff.csrfToken}">
<input type="hidden" name="sequence" value="${view.workshops ? String(view.workshops.sequence) : '-1'}">
${[1, 2, 3, 4].map((n) => {
  const workshop = stored[n - 1];
  const host = workshopValue(view, `workshop-${n}-host`, workshop?.venue.host ?? (n % 2 === 1 ? 'council' : 'voluntary-sector'));
  return html`<fieldset class="govuk-fieldset govuk-!-margin-bottom-6"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Workshop ${n}</legend>
${dateInput(`workshop-${n}-date`, 'Date', workshopValue(view, `workshop-${n}-date`, workshop ? ukDateOf(new Date(workshop.startsAt)) : ''), errors.get(`workshop-${n}-date`))}
${simpleInput(`workshop-${n}-time`, 'Start time (UK)', workshopValue(view, `workshop-${n}-time`, workshop ? ukTimeOf(workshop.startsAt) : '09:30'), errors.get(`workshop-${n}-time`), { type: 'time', width: '5' })}
${simpleInput(`workshop-${n}-minutes`, 'Length in minutes (half a day is 210)', workshopValue(view, `workshop-${n}-minutes`, workshop ? String((Date.parse(workshop.endsAt) - Date.parse(workshop.startsAt)) / 60_000) : String(DEFAULT_WORKSHOP_MINUTES)), errors.get(`workshop-${n}-minutes`), { width: '4' })}
${simpleInput(`workshop-${n}-venue`, 'Venue', workshopValue(view, `workshop-${n}-venue`, workshop?.venue.name ?? ''), errors.get(`workshop-${n}-venue`))}
<div class="govuk-form-group${errors.get(`workshop-${n}-host`) ? ' govuk-form-group--error' : ''}"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend">Premises</legend>
${errors.get(`workshop-${n}-host`) ? html`<p class="govuk-error-message" id="workshop-${n}-host"><span class="govuk-visually-hidden">Error:</span> ${errors.get(`workshop-${n}-host`)}</p>` : ''}
<div class="govuk-radios govuk-radios--small govuk-radios--inline">${Object.entries(venueHosts).map(
    ([value, label]) => html`<div class="govuk-radios__item"><input class="govuk-radios__input" id="workshop-${n}-host-${value}" name="workshop-${n}-host" type="radio" value="${value}"${host === value ? html` checked` : ''}><label class="govuk-label govuk-radios__label" for="workshop-${n}-host-${value}">${label}</label></div>`,
  )}</div></fieldset></div>
${simpleInput(`workshop-${n}-facilitators`, 'First facilitator', workshopValue(view, `workshop-${n}-facilitators`, workshop?.facilitators[0] ?? ''), errors.get(`workshop-${n}-facilitators`))}
${simpleInput(`workshop-${n}-facilitator-2`, 'Second facilitator', workshopValue(view, `workshop-${n}-facilitator-2`, workshop?.facilitators[1] ?? ''), errors.get(`workshop-${n}-facilitator-2`))}
</fieldset>`;
})}
<div class="govuk-form-group${errors.get('intervalOverride') ? ' govuk-form-group--error' : ''}">
<label class="govuk-label" for="intervalOverride">Reason to keep an interval outside four to six weeks (only if you need to)</label>
${errors.get('intervalOverride') ? html`<p id="intervalOverride-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${errors.get('intervalOverride')}</p>` : ''}
<textarea class="govuk-textarea" id="intervalOverride" name="intervalOverride" rows="2">${workshopValue(view, 'intervalOverride', view.workshops?.intervalOverride ?? '')}</textarea></div>
<button type="submit" class="govuk-button" data-prevent-double-click="true">${view.workshops ? 'Save the new schedule and send calendar updates' : 'Save the schedule'}</button>
</form>`;
}

export function programmePage(staff: StaffView, view: ProgrammeView): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const areaPath = `/staff/areas/${encodeURIComponent(view.area.areaId)}`;
  const hidden = html`<input type="hidden" name="csrfToken" value="${staff.csrfToken}">`;
  const objectivesField = html`<div class="govuk-form-group${errors.get('objectives') ? ' govuk-form-group--error' : ''}"><label class="govuk-label" for="objectives">Objectives of the agreed action plan, one per line</label>
<div class="govuk-hint">Progress reviews follow each of these.</div>
${errors.get('objectives') ? html`<p id="objectives-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${errors.get('objectives')}</p>` : ''}
<textarea class="govuk-textarea" id="objectives" name="objectives" rows="5">${view.values.objectives ?? ''}</textarea></div>`;
  const stepForm = (step: StaffStep) => html`<form method="post" action="${areaPath}/programme/steps" novalidate>${hidden}<input type="hidden" name="step" value="${step}">
${step === 'action-plan' ? objectivesField : ''}
<button type="submit" class="govuk-button" data-prevent-double-click="true">${staffSteps[step]}</button></form>`;
  return page({
    title: `Programme, ${view.area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: areaPath,
    content: html`${errorSummary(view.errors)}
<span class="govuk-caption-l">${view.area.name}</span>
<h1 class="govuk-heading-l">Programme and timeline</h1>
${successBanner(view.notice)}
${view.progress?.failure ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The workflow stopped on ${formatUkDateTime(view.progress.failure.at)}: ${view.progress.failure.error}</strong></div>
<form method="post" action="${areaPath}/programme/resume" novalidate>${hidden}<p class="govuk-body">Once the cause is fixed, resume the workflow: it passes through the steps already done and tries this one again.</p>
<button type="submit" class="govuk-button govuk-button--secondary" data-prevent-double-click="true">Resume the workflow</button></form>` : ''}
<p class="govuk-body">Stage: <strong class="govuk-tag">${view.progress ? areaStages[view.progress.stage] : 'Not started'}</strong>${view.waitingFor ? html` · waiting for staff to ${staffSteps[view.waitingFor].toLowerCase()}` : ''}</p>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m">Area visit</h2>
${
  view.visit
    ? html`<p class="govuk-body">Visited on ${formatUkDate(view.visit.visitedOn)}, recorded by ${view.visit.recordedBy}.${view.visit.notes ? html`<br>${view.visit.notes}` : ''}</p>`
    : html`<form method="post" action="${areaPath}/programme/visit" novalidate>${hidden}
${dateInput('visitedOn', 'Date of the visit', view.values.visitedOn, errors.get('visitedOn'))}
<div class="govuk-form-group"><label class="govuk-label" for="notes">Notes (optional)</label><textarea class="govuk-textarea" id="notes" name="notes" rows="3">${view.values.notes ?? ''}</textarea></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-prevent-double-click="true">Record the visit</button></form>`
}
<h2 class="govuk-heading-m">Workshops</h2>
${workshopForm(view, staff, errors)}
<h2 class="govuk-heading-m">Attendance</h2>
${attendanceForms(view, hidden, areaPath)}
${view.waitingFor && view.waitingFor !== 'preparation' && view.waitingFor !== 'selection-approval' ? html`<h2 class="govuk-heading-m">Next step</h2>${stepForm(view.waitingFor)}` : ''}
</div><div class="govuk-grid-column-one-third">
<h2 class="govuk-heading-m">Timeline</h2>
${timeline(view.progress)}
</div></div>`,
  });
}

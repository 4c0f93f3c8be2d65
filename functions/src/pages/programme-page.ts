import {
  DEFAULT_WORKSHOP_MINUTES,
  MAX_WEEKS_BETWEEN,
  MIN_WEEKS_BETWEEN,
  WORKSHOPS_PER_AREA,
  areaStages,
  defaultHost,
  formatUkDate,
  formatUkDateTime,
  formatUkTimeSpan,
  hasStarted,
  isProgrammeStep,
  numberInWords,
  recruitmentState,
  staffSteps,
  ukClockTimeOf,
  ukDateOf,
  venueHosts,
  workshopMinutes,
  workshopMoveIn,
  workshopRules,
  workshopSetRules,
  workshopsInWords,
  bankHolidayList,
  type AreaProgress,
  type ProgrammeContext,
  type ProgrammeStep,
  type StaffStep,
  type Workshop,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import {
  button,
  buttonGroup,
  checkboxes,
  column,
  dateInput,
  details,
  errorSummary,
  fieldset,
  formWithCsrf,
  gridRow,
  input,
  insetText,
  notificationBanner,
  radios,
  tag,
  textarea,
  timeInput,
  warningText,
} from './components';
import type { FormState } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

export type ProgrammeView = ProgrammeContext &
  FormState & {
    /** Beside a schedule form the platform filled (a proposed set, later workshops moved): why dates moved, what it cannot know. */
    scheduleNotes?: readonly string[];
  };

function attendanceForms(view: ProgrammeView, csrfToken: string, areaPath: string): SafeHtml {
  const held = (view.workshops?.workshops ?? []).filter((workshop) => hasStarted(workshop, view.now));
  if (held.length === 0) return html`<p class="govuk-body">Attendance can be recorded once a workshop has started.</p>`;
  return html`${held.map((workshop) => {
    const record = view.attendance[workshop.number];
    const number = String(workshop.number);
    return formWithCsrf({
      action: `${areaPath}/programme/attendance`,
      csrfToken,
      hidden: { workshop: number },
      content: html`${checkboxes({
        name: 'present',
        fieldset: {
          legend: {
            text: `Workshop ${number}, ${formatUkDate(workshop.startsAt)}${record ? ` (recorded by ${record.recordedBy})` : ''}`,
            classes: 'govuk-fieldset__legend--s',
          },
        },
        classes: 'govuk-checkboxes--small',
        items: (view.groups[workshop.number] ?? []).map((participant) => ({
          value: participant.applicationId,
          text: participant.name,
          id: `present-${number}-${participant.applicationId}`,
        })),
        values: record?.present,
      })}
${button({ text: `Record attendance at workshop ${number}`, classes: 'secondary', preventDoubleClick: true })}`,
    });
  })}`;
}

function stageHistory(progress: AreaProgress | undefined): SafeHtml {
  if (!progress) return html`<p class="govuk-body">The workflow of this area has not started: it starts when recruitment opens.</p>`;
  return html`<ol class="govuk-list pip-timeline">${progress.history.map(
    (event) => html`<li><strong>${areaStages[event.stage]}</strong> · ${formatUkDateTime(event.at)}<br><span class="govuk-body-s">${event.what}</span></li>\n`,
  )}</ol>`;
}

/** One workshop's fields: what was posted, else the stored schedule, else sensible defaults. */
function workshopFields(view: ProgrammeView, n: number, errors: Map<string, string>): SafeHtml {
  const workshop = view.workshops?.workshops[n - 1];
  const name = (field: string) => `workshop-${n}-${field}`;
  const value = (field: string, fallback: string) => view.values[name(field)] ?? fallback;
  const text = (field: string, label: string, fallback: string, classes?: string) =>
    input({ name: name(field), label: { text: label }, value: value(field, fallback), errorMessage: errors.get(name(field)), classes });
  const minutes = String(workshop ? workshopMinutes(workshop) : DEFAULT_WORKSHOP_MINUTES);
  return fieldset({
    classes: 'govuk-!-margin-bottom-6',
    legend: { text: `Workshop ${n}`, classes: 'govuk-fieldset__legend--s' },
    content: html`${dateInput({
      name: name('date'),
      legend: 'Date',
      value: value('date', workshop ? ukDateOf(new Date(workshop.startsAt)) : ''),
      errorMessage: errors.get(name('date')),
    })}
${timeInput({
  name: name('time'),
  label: 'Start time (UK)',
  value: value('time', workshop ? ukClockTimeOf(workshop.startsAt) : workshopRules.defaultStartTime),
  errorMessage: errors.get(name('time')),
})}
${text('minutes', `Length in minutes (half a day is ${DEFAULT_WORKSHOP_MINUTES})`, minutes, 'govuk-input--width-4')}
${text('venue', 'Venue', workshop?.venue.name ?? '')}
${radios({
  name: name('host'),
  fieldset: { legend: { text: 'Premises' } },
  errorMessage: errors.get(name('host')),
  classes: 'govuk-radios--small govuk-radios--inline',
  items: Object.entries(venueHosts).map(([host, label], index) => ({ value: host, text: label, id: index === 0 ? undefined : name(`host-${host}`) })),
  value: value('host', workshop?.venue.host ?? defaultHost(n)),
})}
${text('facilitators', 'First facilitator', workshop?.facilitators[0] ?? '')}
${text('facilitator-2', 'Second facilitator', workshop?.facilitators[1] ?? '')}`,
  });
}

/** A workshop that has taken place is part of the record: shown, not edited. */
function heldWorkshop(workshop: Workshop): SafeHtml {
  const { venue, facilitators } = workshop;
  return html`<h3 class="govuk-heading-s">Workshop ${String(workshop.number)} (has taken place)</h3>
<p class="govuk-body">${formatUkTimeSpan(workshop.startsAt, workshop.endsAt)}, at ${venue.name} (${venueHosts[venue.host].toLowerCase()}),
with ${facilitators.join(' and ')}. It can no longer be moved or changed.</p>`;
}

/** A held workshop's fields as the form posts them, so the schedule sent back keeps it exactly as it was. */
function heldFields(workshop: Workshop): Record<string, string> {
  const name = (field: string) => `workshop-${workshop.number}-${field}`;
  return {
    [name('date')]: ukDateOf(new Date(workshop.startsAt)),
    [name('time')]: ukClockTimeOf(workshop.startsAt),
    [name('minutes')]: String(workshopMinutes(workshop)),
    [name('venue')]: workshop.venue.name,
    [name('host')]: workshop.venue.host,
    [name('facilitators')]: workshop.facilitators[0],
    [name('facilitator-2')]: workshop.facilitators[1],
  };
}

/**
 * "Plan the four workshops": a first date and an interval, and the platform fills the schedule form
 * below with four dates off weekends and bank holidays. Only while no workshop has taken place.
 */
function planForm(view: ProgrammeView, staff: StaffView, errors: Map<string, string>): SafeHtml {
  const value = (name: string, fallback = '') => view.values[`plan-${name}`] ?? fallback;
  const text = (name: string, label: string, hint?: string) =>
    input({ name: `plan-${name}`, label: { text: label }, hint, value: value(name), errorMessage: errors.get(`plan-${name}`) });
  const form = formWithCsrf({
    action: `/staff/areas/${encodeURIComponent(view.area.areaId)}/programme/workshops/plan`,
    csrfToken: staff.csrfToken,
    content: html`<p class="govuk-body">Give the first date and the platform proposes all ${numberInWords(WORKSHOPS_PER_AREA)}: each the weeks you choose after the one before,
moved off weekends and bank holidays in England and Wales (known to ${String(bankHolidayList.lastYear)}), venues alternating between council and voluntary sector premises.
Nothing is saved until you save the schedule.</p>
${dateInput({ name: 'plan-date', legend: 'Date of the first workshop', value: value('date'), errorMessage: errors.get('plan-date') })}
${radios({
  name: 'plan-weeks',
  fieldset: { legend: { text: 'Weeks between workshops' } },
  errorMessage: errors.get('plan-weeks'),
  classes: 'govuk-radios--small govuk-radios--inline',
  items: workshopSetRules.weekChoices.map((weeks, index) => ({ value: String(weeks), text: `${weeks} weeks`, id: index === 0 ? undefined : `plan-weeks-${weeks}` })),
  value: value('weeks', String(workshopSetRules.defaultWeeksBetween)),
})}
${timeInput({ name: 'plan-time', label: 'Start time (UK)', value: value('time', workshopRules.defaultStartTime), errorMessage: errors.get('plan-time') })}
${text('council-venue', 'Council venue', 'For workshops 1 and 3')}
${text('voluntary-venue', 'Voluntary sector venue', 'For workshops 2 and 4')}
${text('facilitators', 'First facilitator')}
${text('facilitator-2', 'Second facilitator')}
${button({ text: 'Propose the four dates', classes: 'secondary' })}`,
  });
  const planning = Object.keys(view.values).some((name) => name.startsWith('plan-'));
  // Open while nothing is scheduled, or while staff are using it; tucked away once a schedule exists.
  if (!view.workshops || planning) return html`<h3 class="govuk-heading-s">Plan the four workshops</h3>
${form}`;
  return details({ summaryText: 'Plan the four workshops again', content: form });
}

/**
 * Staff moved a workshop and the set no longer holds: offer to move the later ones, still on their
 * saved dates, by as many days. The button posts the form as it stands to the shift route; it sits
 * after the save button, so that pressing Enter in a field still saves.
 */
function laterWorkshopsOffer(view: ProgrammeView): { explanation: SafeHtml; button: SafeHtml } | undefined {
  if (view.errors.length === 0) return undefined;
  const move = workshopMoveIn(view.workshops, view.values, view.now);
  if (!move || move.days === 0) return undefined;
  const days = Math.abs(move.days);
  const dayWords = `${days} day${days === 1 ? '' : 's'}`;
  const label = `Move ${workshopsInWords(move.later)} ${move.days > 0 ? `by ${dayWords}` : `${dayWords} earlier`} too`;
  return {
    explanation: insetText({
      text: html`You moved workshop ${String(move.moved)} ${dayWords} ${move.days > 0 ? 'later' : 'earlier'}. “${label}”, below, moves ${workshopsInWords(move.later)} by the same,
keeping them off weekends and bank holidays. Nothing is saved until you save the schedule.`,
    }),
    button: html`<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button"
 formaction="/staff/areas/${encodeURIComponent(view.area.areaId)}/programme/workshops/shift">${label}</button>`,
  };
}

function scheduleNotes(view: ProgrammeView): SafeHtml {
  if (!view.scheduleNotes?.length) return html``;
  return insetText({ text: html`<ul class="govuk-list">${view.scheduleNotes.map((note) => html`<li>${note}</li>`)}</ul>` });
}

function workshopForm(view: ProgrammeView, staff: StaffView, errors: Map<string, string>): SafeHtml {
  const held = (view.workshops?.workshops ?? []).filter((workshop) => hasStarted(workshop, view.now));
  if (held.length === WORKSHOPS_PER_AREA) {
    return html`${held.map(heldWorkshop)}<p class="govuk-body">All ${numberInWords(WORKSHOPS_PER_AREA)} workshops have taken place.</p>`;
  }
  const heldOne = (n: number) => held.find((workshop) => workshop.number === n);
  const offer = laterWorkshopsOffer(view);
  return html`${held.length === 0 ? planForm(view, staff, errors) : ''}
${formWithCsrf({
    action: `/staff/areas/${encodeURIComponent(view.area.areaId)}/programme/workshops`,
    csrfToken: staff.csrfToken,
    hidden: { sequence: view.workshops ? String(view.workshops.sequence) : '-1', ...Object.assign({}, ...held.map(heldFields)) },
    content: html`${held.length === 0 ? html`<h3 class="govuk-heading-s">The schedule</h3>` : ''}
${scheduleNotes(view)}
${offer?.explanation ?? ''}
${Array.from({ length: WORKSHOPS_PER_AREA }, (_, index) => {
      const workshop = heldOne(index + 1);
      return workshop ? heldWorkshop(workshop) : workshopFields(view, index + 1, errors);
    })}
${textarea({
  name: 'intervalOverride',
  label: {
    text: `Reason to keep dates outside the rules: an interval outside ${numberInWords(MIN_WEEKS_BETWEEN)} to ${numberInWords(MAX_WEEKS_BETWEEN)} weeks, a weekend or a bank holiday (only if you need to)`,
  },
  errorMessage: errors.get('intervalOverride'),
  value: view.values.intervalOverride ?? view.workshops?.intervalOverride ?? '',
  rows: 2,
})}
${buttonGroup(button({ text: view.workshops ? 'Save the new schedule and send calendar updates' : 'Save the schedule', preventDoubleClick: true }), offer?.button ?? html``)}`,
  })}`;
}

function visitSection(view: ProgrammeView, csrfToken: string, areaPath: string, errors: Map<string, string>): SafeHtml {
  const { visit } = view;
  if (visit) {
    const notes = visit.notes ? html`<br>${visit.notes}` : '';
    return html`<p class="govuk-body">Visited on ${formatUkDate(visit.visitedOn)}, recorded by ${visit.recordedBy}.${notes}</p>`;
  }
  return formWithCsrf({
    action: `${areaPath}/programme/visit`,
    csrfToken,
    content: html`${dateInput({ name: 'visitedOn', legend: 'Date of the visit', value: view.values.visitedOn, errorMessage: errors.get('visitedOn') })}
${textarea({ name: 'notes', label: { text: 'Notes (optional)' }, value: view.values.notes, rows: 3 })}
${button({ text: 'Record the visit', classes: 'secondary', preventDoubleClick: true })}`,
  });
}

function stepForm(step: ProgrammeStep, view: ProgrammeView, csrfToken: string, areaPath: string, errors: Map<string, string>): SafeHtml {
  const objectives = textarea({
    name: 'objectives',
    label: { text: 'Objectives of the agreed action plan, one per line' },
    hint: 'Progress reviews follow each of these.',
    errorMessage: errors.get('objectives'),
    value: view.values.objectives,
    rows: 5,
  });
  return formWithCsrf({
    action: `${areaPath}/programme/steps`,
    csrfToken,
    hidden: { step },
    content: html`${step === 'action-plan' ? objectives : ''}
${button({ text: staffSteps[step], preventDoubleClick: true })}`,
  });
}

/** While applications have not closed, staff may still move the window: say when it is and where to change it. */
function recruitmentWindowLine(view: ProgrammeView, areaPath: string): SafeHtml {
  if (recruitmentState(view.area, view.now) === 'closed') return html``;
  const { opensAt, closesAt } = view.area.recruitment;
  return html`<p class="govuk-body">Applications open ${formatUkDateTime(opensAt)} to ${formatUkDateTime(closesAt)}.
<a class="govuk-link" href="${areaPath}/window">Change the recruitment window</a></p>`;
}

/** The workflow stopped on an error: what it said, and a way to resume once the cause is fixed. */
function failureNotice(failure: NonNullable<AreaProgress['failure']>, csrfToken: string, areaPath: string): SafeHtml {
  return html`${warningText({ text: `The workflow stopped at ${formatUkDateTime(failure.at)}: ${failure.error}` })}
${formWithCsrf({
  action: `${areaPath}/programme/resume`,
  csrfToken,
  content: html`<p class="govuk-body">Once the cause is fixed, resume the workflow: it passes through the steps already done and tries this one again.</p>
${button({ text: 'Resume the workflow', classes: 'secondary', preventDoubleClick: true })}`,
})}`;
}

/** What staff still have to do at the step the workflow waits at: of preparation, only the half not done yet. */
function stillToDo(view: ProgrammeView, step: StaffStep): string {
  if (step === 'preparation' && view.visit && !view.workshops) return 'schedule the four workshops';
  if (step === 'preparation' && view.workshops && !view.visit) return 'record the area visit';
  return staffSteps[step].toLowerCase();
}

export function programmePage(staff: StaffView, view: ProgrammeView): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const areaPath = `/staff/areas/${encodeURIComponent(view.area.areaId)}`;
  const { csrfToken } = staff;
  const stage = tag({ text: view.progress ? areaStages[view.progress.stage] : 'Not started' });
  const waiting = view.waitingFor ? html` · waiting for staff to ${stillToDo(view, view.waitingFor)}` : '';
  const nextStep = isProgrammeStep(view.waitingFor) ? view.waitingFor : undefined;
  return page({
    title: `Programme, ${view.area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: areaPath,
    content: html`${errorSummary(view.errors)}
<span class="govuk-caption-l">${view.area.name}</span>
<h1 class="govuk-heading-l">Programme and stages</h1>
${notificationBanner({ type: 'success', text: view.notice })}
${view.progress?.failure ? failureNotice(view.progress.failure, csrfToken, areaPath) : ''}
<p class="govuk-body">Stage: ${stage}${waiting}</p>
${recruitmentWindowLine(view, areaPath)}
${gridRow(
  column(
    'two-thirds',
    html`<h2 class="govuk-heading-m">Area visit</h2>
${visitSection(view, csrfToken, areaPath, errors)}
<h2 class="govuk-heading-m">Workshops</h2>
${workshopForm(view, staff, errors)}
<h2 class="govuk-heading-m">Attendance</h2>
<p class="govuk-body"><a class="govuk-link" href="${areaPath}/roster">Roster: each person’s attendance at every workshop, with emails</a></p>
${attendanceForms(view, csrfToken, areaPath)}
${nextStep ? html`<h2 class="govuk-heading-m">Next step</h2>${stepForm(nextStep, view, csrfToken, areaPath, errors)}` : ''}`,
  ),
  column('one-third', html`<h2 class="govuk-heading-m">Stages</h2>\n${stageHistory(view.progress)}`),
)}`,
  });
}

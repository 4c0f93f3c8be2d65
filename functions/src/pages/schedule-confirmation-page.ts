import { formatUkTimeSpan, venueHosts, type Workshop } from '@pip/domain';
import type { SafeHtml } from '@pip/html';
import { confirmationPage } from './confirmation-page';
import type { StaffView } from './staff-view';

export interface ScheduleConfirmationView {
  area: { areaId: string; name: string };
  recipients: readonly string[];
  changed: readonly Workshop[];
  /** The schedule form as the person sent it, posted again once they confirm. */
  answers: Readonly<Record<string, string>>;
}

const workshopLine = (workshop: Workshop) =>
  `Workshop ${workshop.number} will be ${formatUkTimeSpan(workshop.startsAt, workshop.endsAt)}, ` +
  `at ${workshop.venue.name} (${venueHosts[workshop.venue.host].toLowerCase()}), with ${workshop.facilitators.join(' and ')}.`;

/** Before a new schedule goes out as calendar updates: what changes, and who in the group will be emailed. */
export function scheduleConfirmationPage(staff: StaffView, view: ScheduleConfirmationView): SafeHtml {
  const programmePath = `/staff/areas/${encodeURIComponent(view.area.areaId)}/programme`;
  const { csrfToken: _token, confirmed: _confirmed, ...answers } = view.answers;
  return confirmationPage({
    title: `Send the new workshop schedule to the group in ${view.area.name}?`,
    consequences: [
      ...(view.changed.length > 0 ? view.changed.map(workshopLine) : ['No workshop still to come changes date, time, venue or facilitators.']),
      'Each participant gets an updated calendar invitation for each workshop that changes, and its reminders move with it.',
      'Workshops that have taken place stay as they were.',
    ],
    emailed: view.recipients,
    action: `${programmePath}/workshops`,
    hidden: answers,
    confirmText: 'Yes, save the schedule and send the updates',
    cancelHref: programmePath,
    staff,
  });
}

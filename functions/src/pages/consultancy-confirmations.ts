import { formatUkDate, formatUkDateTime, formatUkTime, type Area, type ConsultancySessionState, type ConsultancySlot } from '@pip/domain';
import { confirmationPage } from './confirmation-page';
import { slotLabel } from './consultancy-pages';
import type { StaffView } from './staff-view';

/** The pages that ask staff "are you sure?" before a consultancy action that emails people or cannot be undone. */
const consultancyOf = (area: Area) => `/staff/areas/${encodeURIComponent(area.areaId)}/consultancy`;
const slotWhen = (slot: Pick<ConsultancySlot, 'startsAt' | 'endsAt'>) =>
  `${formatUkDate(slot.startsAt)}, ${formatUkTime(slot.startsAt)} to ${formatUkTime(slot.endsAt)}`;

export function cancelSessionConfirmation(staff: StaffView, state: ConsultancySessionState) {
  const slot = state.bookedSlot!;
  return confirmationPage({
    title: `Are you sure you want to cancel consultancy session ${state.session}?`,
    consequences: [
      `The booking for ${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}, will be cancelled, and its time will be free to book again.`,
      'The leads and the facilitator get an email whose calendar file removes the session from their calendars.',
      'The leads can then book another time with their links.',
    ],
    emailed: [...state.leads.map((lead) => lead.name), slot.facilitator],
    irreversible: 'The booking cannot be restored once cancelled: the leads would need to book again.',
    action: `${consultancyOf(state.area)}/cancel`,
    hidden: { session: String(state.session), sequence: String(state.booking!.sequence) },
    confirmText: `Yes, cancel session ${state.session}`,
    cancelHref: `${consultancyOf(state.area)}#session-${state.session}`,
    staff,
  });
}

export interface FollowUpDateView {
  area: Area;
  option: { optionId: string; startsAt: string };
  venue: string;
  invited: string[];
}

export function followUpDateConfirmation(staff: StaffView, view: FollowUpDateView) {
  return confirmationPage({
    title: `Confirm the follow-up review for ${formatUkDateTime(view.option.startsAt)}?`,
    consequences: [
      `The follow-up review of ${view.area.name} is confirmed for ${formatUkDateTime(view.option.startsAt)} at ${view.venue}.`,
      'Everyone in the group is sent an invitation with a calendar file, and asked whether they will attend.',
      'The other proposed dates are no longer offered.',
    ],
    emailed: view.invited,
    irreversible: 'Once confirmed and sent, the date cannot be changed here.',
    action: `${consultancyOf(view.area)}/follow-up/confirm`,
    hidden: { optionId: view.option.optionId },
    confirmText: 'Yes, confirm the date and invite everyone',
    cancelHref: consultancyOf(view.area),
    staff,
  });
}

export function slotTimeConfirmation(staff: StaffView, view: { area: Area; slot: ConsultancySlot; next: ConsultancySlot; form: Record<string, string> }) {
  return confirmationPage({
    title: 'Change the time of this slot?',
    consequences: [
      `The slot with ${view.slot.facilitator} moves from ${slotWhen(view.slot)} to ${slotWhen(view.next)}.`,
      'Leads see the new time when they next open their booking page.',
    ],
    emailed: [],
    action: `${consultancyOf(view.area)}/slots/${encodeURIComponent(view.slot.slotId)}`,
    hidden: { version: view.form.version, date: view.form.date, start: view.form.start, end: view.form.end, facilitator: view.slot.facilitator },
    confirmText: 'Yes, change the time',
    cancelHref: `${consultancyOf(view.area)}/slots/${encodeURIComponent(view.slot.slotId)}`,
    staff,
  });
}

export function slotRemovalConfirmation(staff: StaffView, view: { area: Area; slot: ConsultancySlot }) {
  return confirmationPage({
    title: 'Are you sure you want to remove this slot?',
    consequences: [`The slot with ${view.slot.facilitator} on ${slotWhen(view.slot)} is removed: the leads can no longer book it.`],
    emailed: [],
    irreversible: 'A removed slot cannot be brought back; publish a new one instead.',
    action: `${consultancyOf(view.area)}/slots/${encodeURIComponent(view.slot.slotId)}/remove`,
    hidden: { version: String(view.slot.version ?? 0) },
    confirmText: 'Yes, remove the slot',
    cancelHref: `${consultancyOf(view.area)}/slots/${encodeURIComponent(view.slot.slotId)}`,
    staff,
  });
}

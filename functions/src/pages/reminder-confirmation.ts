import { confirmationPage } from './confirmation-page';
import type { StaffView } from './staff-view';

/** Before a round of reminders: what each person gets, and who they are; `round` makes a second click the same round. */
export interface ReminderConfirmationView {
  /** What the reminder asks, after "a reminder": "to evaluate the programme". */
  what: string;
  names: string[];
  action: string;
  hidden: Record<string, string>;
  cancelHref: string;
}

export function reminderConfirmation(staff: StaffView, view: ReminderConfirmationView) {
  return confirmationPage({
    title: `Send a reminder to ${view.names.length === 1 ? 'this person' : `these ${view.names.length} people`}?`,
    consequences: [
      `Each is emailed a reminder ${view.what}, with a new personal link.`,
      'Links they were sent before keep working.',
      'The reminder is recorded in the area’s timeline with their names.',
    ],
    emailed: view.names,
    action: view.action,
    hidden: view.hidden,
    confirmText: 'Yes, send the reminders',
    cancelHref: view.cancelHref,
    staff,
  });
}

import { NotSelectedError, selectionAudit, timesRejoined, withdrawParticipant, withdrawalsUndone, type Actor } from '@pip/domain';
import { selectionEmails } from '@pip/mail';
import { ALREADY, changeApprovedSelection, type PlaceChangePorts } from './change-approved-selection';
import { onOccasion, placeOfferedEmail } from './place-emails';
import { applicationIn } from './selection-context';
import { calendarsFollowSelection } from './calendars-follow-selection';
import { withdrawPersonalReminders } from '../shared/personal-reminders';

export type RecordWithdrawalPorts = PlaceChangePorts;

/**
 * A selected participant withdraws (through their link, or staff record it): they are emailed to
 * confirm, the next reserve of their sector is offered the place and, once workshop invitations have
 * gone out, those still to come are cancelled for them. Withdrawing again (a double click, or staff
 * after the person's own link) changes nothing; someone who never had a place is refused with
 * NotSelectedError.
 */
export async function recordWithdrawal(
  ports: RecordWithdrawalPorts,
  areaId: string,
  applicationId: string,
  actor: Actor,
): Promise<'withdrawn' | 'already-withdrawn'> {
  const outcome = await changeApprovedSelection(ports, areaId, actor, () => new NotSelectedError(), (approved, context) => {
    if (approved.withdrawn?.includes(applicationId)) return ALREADY;
    const withdrawal = withdrawParticipant(approved, applicationId, ports.clock.now().toISOString(), actor);
    if (!withdrawal) return undefined;
    const person = applicationIn(context, applicationId);
    const offered = withdrawal.offeredTo ? applicationIn(context, withdrawal.offeredTo) : undefined;
    return {
      selection: withdrawal.selection,
      audit: selectionAudit.withdrew(person.answers.fullName, withdrawal.wasLead, offered?.answers.fullName),
      emails: () => [
        { email: onOccasion(selectionEmails.withdrawalConfirmed(context.area, person, ports.links.openAreas()), timesRejoined(approved, applicationId)) },
        ...(offered ? [placeOfferedEmail(ports, context.area, offered, withdrawalsUndone(approved))] : []),
      ],
    };
  });
  // Again after a repeat too: if the first request stopped before the calendars, this finishes it, and sends nothing twice.
  await calendarsFollowSelection(ports, areaId);
  await withdrawPersonalReminders(ports, await ports.areas.existing(areaId), applicationId);
  return outcome === ALREADY ? 'already-withdrawn' : 'withdrawn';
}

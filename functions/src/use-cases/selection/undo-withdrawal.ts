import { SelectionNotApprovedError, placeOf, selectionAudit, timesRejoined, undoWithdrawal, type Actor } from '@pip/domain';
import { withdrawalUndoneEmails } from '@pip/mail';
import { ALREADY, changeApprovedSelection, type PlaceChangePorts } from './change-approved-selection';
import { applicationIn } from './selection-context';
import { applicantsOf } from './withdrawal-records';
import { calendarsFollowSelection } from './calendars-follow-selection';

export type UndoWithdrawalPorts = PlaceChangePorts;

/**
 * Staff undo a withdrawal they recorded by mistake, within a day and while nobody has taken the
 * place. The person is told they still have their place; a reserve offered that place who has not
 * answered is told it is no longer free; once workshop invitations have gone out, the person is
 * invited again to those still to come. Refused with WithdrawalNotUndoableError, saying why.
 */
export async function undoStaffWithdrawal(ports: UndoWithdrawalPorts, areaId: string, applicationId: string, actor: Actor): Promise<void> {
  await changeApprovedSelection(ports, areaId, actor, () => new SelectionNotApprovedError('withdrawals'), (approved, context) => {
    // A double click finds the person back in the group by the first click's undo.
    const lastFact = approved.membership?.filter((fact) => fact.applicationId === applicationId).at(-1);
    if (placeOf(approved, applicationId) === 'selected' && lastFact?.change === 'rejoined') return ALREADY;
    const { sectorOf, nameOf } = applicantsOf(context);
    const undone = undoWithdrawal(approved, applicationId, sectorOf, nameOf, actor, ports.clock.now());
    const person = applicationIn(context, applicationId);
    const reserve = undone.offerWithdrawnFrom ? applicationIn(context, undone.offerWithdrawnFrom) : undefined;
    const occasion = timesRejoined(undone.selection, applicationId);
    const programmeUrl = ports.links.openAreas();
    return {
      selection: undone.selection,
      audit: selectionAudit.withdrawalUndone(person.answers.fullName, actor.name, undone.leadAgain, reserve?.answers.fullName),
      emails: () => [
        { email: withdrawalUndoneEmails.stillTakingPart(context.area, person, programmeUrl, occasion) },
        ...(reserve ? [{ email: withdrawalUndoneEmails.offerWithdrawn(context.area, reserve, programmeUrl, occasion) }] : []),
      ],
    };
  });
  // Again after a repeat too: if the first request stopped before the calendars, this finishes it, and sends nothing twice.
  await calendarsFollowSelection(ports, areaId);
}

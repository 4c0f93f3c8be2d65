import { SelectionNotApprovedError, placeOf, selectionAudit, timesRejoined, undoWithdrawal, type Actor } from '@pip/domain';
import { ALREADY } from './change-approved-selection';
import { applicationIn, selectionContext, type SelectionContextPorts } from './selection-context';
import { applicantsOf } from './withdrawal-records';
import { announceSelectionChange, type AnnouncedChangePorts } from './announce-selection-change';

export type UndoWithdrawalPorts = AnnouncedChangePorts & SelectionContextPorts;

/**
 * Staff undo a withdrawal they recorded by mistake, within a day and while nobody has taken the
 * place. Written with its announcement: the table's stream tells the person they still have their
 * place, tells a reserve offered that place who has not answered that it is no longer free and, once
 * workshop invitations have gone out, invites the person again to those still to come. Refused with
 * WithdrawalNotUndoableError, saying why.
 */
export async function undoStaffWithdrawal(ports: UndoWithdrawalPorts, areaId: string, applicationId: string, actor: Actor): Promise<void> {
  await announceSelectionChange(
    ports,
    areaId,
    actor,
    () => new SelectionNotApprovedError('withdrawals'),
    () => selectionContext(ports, areaId),
    async (approved, context) => {
      // A double click finds the person back in the group by the first click's undo.
      const lastFact = approved.membership?.filter((fact) => fact.applicationId === applicationId).at(-1);
      if (placeOf(approved, applicationId) === 'selected' && lastFact?.change === 'rejoined') return ALREADY;
      const { sectorOf, nameOf } = applicantsOf(context);
      const undone = undoWithdrawal(approved, applicationId, sectorOf, nameOf, actor, ports.clock.now());
      const person = applicationIn(context, applicationId);
      const reserve = undone.offerWithdrawnFrom ? applicationIn(context, undone.offerWithdrawnFrom) : undefined;
      return {
        selection: undone.selection,
        audit: selectionAudit.withdrawalUndone(person.answers.fullName, actor.name, undone.leadAgain, reserve?.answers.fullName),
        announcement: (version) => ({
          kind: 'withdrawal-undone',
          areaId,
          version,
          applicationId,
          ...(undone.offerWithdrawnFrom ? { offerWithdrawnFrom: undone.offerWithdrawnFrom } : {}),
          occasion: timesRejoined(undone.selection, applicationId),
        }),
      };
    },
  );
}

import { SelectionNotApprovedError, placeOf, selectionAudit, timesRejoined, undoWithdrawal, type Actor, type Ports } from '@pip/domain';
import { applicationIn } from './selection-context';
import { applicantsOf } from './withdrawal-records';
import { ALREADY, announceSelectionChange, type AnnouncedChangePorts } from './announce-selection-change';

export type UndoWithdrawalPorts = AnnouncedChangePorts & Pick<Ports, 'applications'>;

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
    async () => {
      // The selection and who the applicants are (their sectors and names, for the rules and the timeline), side by side: reviews do not enter into it.
      const [stored, applications] = await Promise.all([ports.selections.get(areaId), ports.applications.listForArea(areaId)]);
      return { stored, applications };
    },
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

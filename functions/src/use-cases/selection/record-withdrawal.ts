import { NotFoundError, NotSelectedError, selectionAudit, timesRejoined, withdrawParticipant, withdrawalsUndone, type Actor, type Ports } from '@pip/domain';
import { ALREADY, announceSelectionChange, readingAgainAfterTheFirstTurn, type AnnouncedChangePorts, type PlaceRead } from './announce-selection-change';

export type RecordWithdrawalPorts = AnnouncedChangePorts & Pick<Ports, 'areas' | 'applications'>;

/**
 * A selected participant withdraws (through their link, or staff record it). The withdrawal is
 * written with its announcement: the table's stream emails them to confirm, offers the next reserve
 * of their sector the place and, once workshop invitations have gone out, cancels those still to
 * come for them. Only the selection and the one or two people it concerns are read. Withdrawing
 * again (a double click, or staff after the person's own link) changes nothing; someone who never
 * had a place is refused with NotSelectedError. `alreadyRead` is the selection and the person as
 * the request read them already (opening the participant's link), decided on at the first turn.
 */
export async function recordWithdrawal(
  ports: RecordWithdrawalPorts,
  areaId: string,
  applicationId: string,
  actor: Actor,
  alreadyRead?: PlaceRead,
): Promise<'withdrawn' | 'already-withdrawn'> {
  const nameOf = async (id: string) => {
    const application = await ports.applications.findByReferenceToShow(areaId, id);
    if (!application) throw new NotFoundError('Application');
    return application.answers.fullName;
  };
  const outcome = await announceSelectionChange(
    ports,
    areaId,
    actor,
    () => new NotSelectedError(),
    readingAgainAfterTheFirstTurn(alreadyRead, async () => {
      // The person is read beside the selection, before it is known to be needed: one wait fewer.
      // Names only, for the timeline: the decision is the selection's, read consistently, so the reference index's copy (one round trip) serves.
      const [stored, person] = await Promise.all([ports.selections.get(areaId), ports.applications.findByReferenceToShow(areaId, applicationId)]);
      return { stored, person };
    }),
    async (approved, { person }) => {
      if (approved.withdrawn?.includes(applicationId)) return ALREADY;
      const withdrawal = withdrawParticipant(approved, applicationId, ports.clock.now().toISOString(), actor);
      if (!withdrawal) return undefined;
      if (!person) throw new NotFoundError('Application');
      const offeredName = withdrawal.offeredTo ? await nameOf(withdrawal.offeredTo) : undefined;
      return {
        selection: withdrawal.selection,
        audit: selectionAudit.withdrew(person.answers.fullName, withdrawal.wasLead, offeredName),
        announcement: (version) => ({
          kind: 'participant-withdrew',
          areaId,
          version,
          applicationId,
          confirmationOccasion: timesRejoined(approved, applicationId),
          ...(withdrawal.offeredTo ? { offeredTo: withdrawal.offeredTo } : {}),
          offerOccasion: withdrawalsUndone(approved),
        }),
      };
    },
  );
  return outcome === ALREADY ? 'already-withdrawn' : 'withdrawn';
}

import { NotFoundError, OfferClosedError, answerOffer, selectionAudit, withdrawalsUndone, type Actor, type Ports } from '@pip/domain';
import { announceSelectionChange, readingAgainAfterTheFirstTurn, type AnnouncedChangePorts, type PlaceRead } from './announce-selection-change';

export type AnswerReserveOfferPorts = AnnouncedChangePorts & Pick<Ports, 'applications'>;

/**
 * The reserve offered a place accepts or declines it. Accepting gives them the place and the
 * workshops still to come; declining passes the offer to the next reserve. Written with its
 * announcement: the table's stream emails the person who accepted (a selection, with their link to
 * withdraw), offers the place on to the next reserve, and brings the calendars to the group. Only the
 * selection and the person answering are read (and, when the offer passes on, the next reserve's
 * name for the timeline). Refused with OfferClosedError once the offer is answered or passed on.
 * `alreadyRead` is the selection and the person as opening the reserve's link read them, decided on at the first turn.
 */
export async function answerReserveOffer(
  ports: AnswerReserveOfferPorts,
  areaId: string,
  applicationId: string,
  accepted: boolean,
  actor: Actor,
  alreadyRead?: PlaceRead,
): Promise<void> {
  await announceSelectionChange(
    ports,
    areaId,
    actor,
    () => new OfferClosedError(),
    readingAgainAfterTheFirstTurn(alreadyRead, async () => {
      // The person is read beside the selection, before it is known to be needed: one wait fewer.
      // Names only, for the timeline: the decision is the selection's, read consistently, so the reference index's copy (one round trip) serves.
      const [stored, person] = await Promise.all([ports.selections.get(areaId), ports.applications.findByReferenceToShow(areaId, applicationId)]);
      return { stored, person };
    }),
    async (approved, { person }) => {
      const answer = answerOffer(approved, applicationId, accepted, ports.clock.now().toISOString());
      if (!answer) return undefined;
      if (!person) throw new NotFoundError('Application');
      const offered = answer.offeredTo ? await ports.applications.findByReferenceToShow(areaId, answer.offeredTo) : undefined;
      if (answer.offeredTo && !offered) throw new NotFoundError('Application');
      return {
        selection: answer.selection,
        audit: selectionAudit.offerAnswered(person.answers.fullName, accepted, offered?.answers.fullName),
        announcement: (version) => ({
          kind: 'offer-answered',
          areaId,
          version,
          applicationId,
          accepted,
          ...(answer.offeredTo ? { offeredTo: answer.offeredTo } : {}),
          offerOccasion: withdrawalsUndone(approved),
        }),
      };
    },
  );
}

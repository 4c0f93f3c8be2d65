import { NotFoundError, placeOf, throughTheirLink, type Actor, type Area, type EmailedLink, type Place, type Ports, type LinkProblem } from '@pip/domain';
import { openPersonalLinkWith } from '../shared/emailed-links';
import type { PlaceRead } from './announce-selection-change';

export type ParticipationLinkPorts = Pick<Ports, 'emailedLinks' | 'clock' | 'areas' | 'applications' | 'selections'>;

/** A participant's emailed link to withdraw or to answer a reserve offer, whom it was sent to, and where they stand now. */
export interface OpenParticipationLink {
  problem?: undefined;
  link: EmailedLink & { applicationId: string };
  area: Area;
  fullName: string;
  place: Place;
  /** The participant, as the audit log names someone acting through their link. */
  actor: Actor;
  /** The selection (read consistently) and the person as opening the link read them: what answering decides on first. */
  read: PlaceRead;
}

export type ParticipationLink = { problem: LinkProblem } | OpenParticipationLink;

/** The link behind the token, if it is whole, known and unexpired, with the person it was sent to and their place today. */
export async function openParticipationLink(ports: ParticipationLinkPorts, token: string): Promise<ParticipationLink> {
  // Their own application only, not the area's: it gives their name; where they stand is the selection's to say.
  const opened = await openPersonalLinkWith(ports, token, ['withdraw', 'reserve-offer'], (areaId, applicationId) =>
    Promise.all([ports.areas.existing(areaId), ports.applications.findByReferenceToShow(areaId, applicationId), ports.selections.get(areaId)]),
  );
  if (opened.problem) return { problem: opened.problem };
  const { link } = opened;
  const [area, application, selection] = opened.read;
  if (!application) throw new NotFoundError('Application');
  const { fullName } = application.answers;
  return { link, area, fullName, place: placeOf(selection, link.applicationId), actor: throughTheirLink(fullName), read: { stored: selection, person: application } };
}

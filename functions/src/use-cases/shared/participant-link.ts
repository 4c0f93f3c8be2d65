import { groupOn, type Area, type LinkPurpose, type Ports, type LinkProblem } from '@pip/domain';
import { openPersonalLinkWith, type LinkPorts } from './emailed-links';

export type ParticipantLinkPorts = LinkPorts & Pick<Ports, 'areas' | 'applications' | 'selections'>;

/** A participant's personal link as its page needs it: who holds it, in which area, and what they have to answer. */
export type ParticipantLink<T extends object> = { problem: LinkProblem } | ({ problem?: undefined; token: string; area: Area; applicationId: string; name: string } & T);

/**
 * Opens a personal link of one purpose whose holder is a member of the area's group now: a
 * participant answers only for themselves, and only while they take part. `read` gets what the
 * page needs for the link's area and person, in parallel with the area and its group, and answers
 * undefined when there is nothing (yet) to answer: the link then does not work.
 */
export async function openParticipantLink<T extends object>(
  ports: ParticipantLinkPorts,
  token: string,
  purpose: LinkPurpose,
  read: (areaId: string, applicationId: string) => Promise<T | undefined>,
): Promise<ParticipantLink<T>> {
  // Their own application only, not the area's: the page shows their name, and whether they take part is the selection's to say.
  const opened = await openPersonalLinkWith(ports, token, [purpose], (areaId, applicationId) =>
    Promise.all([ports.areas.get(areaId), ports.applications.findByReferenceToShow(areaId, applicationId), ports.selections.get(areaId), read(areaId, applicationId)]),
  );
  if (opened.problem) return opened;
  const [area, participant, selection, found] = opened.read;
  if (!area || !participant || !found) return { problem: 'unknown' };
  if (!selection || !groupOn(selection, ports.clock.now().toISOString()).has(participant.applicationId)) return { problem: 'left-group' };
  return { ...found, token: opened.token, area, applicationId: participant.applicationId, name: participant.answers.fullName };
}

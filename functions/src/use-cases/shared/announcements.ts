import { NotFoundError, regionName, type Announcement, type Application, type Area, type EmailToSend, type Ports } from '@pip/domain';
import { evaluationEmails, learningEventInvitation, selectionEmails, withdrawalUndoneEmails } from '@pip/mail';
import { sendOutcomeEmails } from '../selection/send-outcome-emails';
import { onOccasion, placeOfferedEmail, withdrawalLinkFor } from '../selection/place-emails';
import { calendarsFollowSelection, type CalendarFollowPorts } from '../selection/calendars-follow-selection';
import { regionParticipants } from '../delivery/region-progress';
import { reconcileWorkshopCalendars } from '../delivery/workshop-invitations';
import { sessionChangeFollows } from '../progress-reviews/session-calendars';
import { reconcileFollowUpCalendars } from '../progress-reviews/follow-up-calendars';
import { askForFollowUpDates } from '../progress-reviews/propose-follow-up-review';
import { sendBookingLinks } from '../progress-reviews/send-booking-links';
import { withdrawPersonalReminders } from './personal-reminders';
import { queueEmails } from './send-emails';

export type AnnouncementPorts = CalendarFollowPorts & Pick<Ports, 'linkTokens' | 'learningEvents' | 'log'>;

/**
 * Makes an announcement's emails, one per person, and sends them; run by the function the table's
 * stream invokes, once the decision that announced them is stored. Each email's id is derived from
 * the decision and its recipient, so an announcement offered twice (a retried stream batch, or the
 * workflow telling the same outcomes) queues each email once. Calendars then follow the group.
 */
export async function actOnAnnouncement(ports: AnnouncementPorts, announcement: Announcement): Promise<void> {
  switch (announcement.kind) {
    case 'selection-approved':
      return tellOutcomes(ports, announcement.areaId);
    case 'participant-withdrew':
      return tellWithdrawal(ports, announcement);
    case 'withdrawal-undone':
      return tellUndoneWithdrawal(ports, announcement);
    case 'lead-named':
      // The booked sessions move from the lead who left to the one named.
      return calendarsFollowSelection(ports, announcement.areaId);
    case 'offer-answered':
      return tellOfferAnswered(ports, announcement);
    case 'workshops-scheduled':
      // Whatever the schedule is by now: a later move's announcement finds nothing left to change.
      await reconcileWorkshopCalendars(ports, announcement.areaId);
      return;
    case 'session-changed':
      return sessionChangeFollows(ports, announcement);
    case 'follow-up-confirmed':
      return reconcileFollowUpCalendars(ports, announcement.areaId);
    case 'follow-up-proposed':
      return askForFollowUpDates(ports, announcement.areaId);
    case 'session-held':
      // After session one, the leads book session two; each email's id is the lead's own, so a retried announcement sends none twice.
      if (announcement.session === 1) await sendBookingLinks(ports, announcement.areaId, 2);
      return;
    case 'learning-event-scheduled':
      return inviteToLearningEvent(ports, announcement);
    case 'evaluation-answered':
      // Cancelled once: a later answer's announcement finds it cancelled already.
      await ports.outbox.cancel(evaluationEmails.reminderId(announcement.areaId, announcement.applicationId));
      return;
  }
}

async function tellOutcomes(ports: AnnouncementPorts, areaId: string): Promise<void> {
  const [area, selection, applications] = await Promise.all([ports.areas.existing(areaId), ports.selections.get(areaId), ports.applications.listForArea(areaId)]);
  if (selection?.status !== 'approved') return;
  await sendOutcomeEmails(ports, area, selection, applications);
}

async function tellWithdrawal(ports: AnnouncementPorts, announced: Extract<Announcement, { kind: 'participant-withdrew' }>): Promise<void> {
  const { area, person, other } = await peopleOf(ports, announced.areaId, announced.applicationId, announced.offeredTo);
  const emails: EmailToSend[] = [
    { email: onOccasion(selectionEmails.withdrawalConfirmed(area, person, ports.links.openAreas()), announced.confirmationOccasion) },
    ...(other ? [placeOfferedEmail(ports, area, other, announced.offerOccasion)] : []),
  ];
  await queueEmails(ports, emails);
  await calendarsFollowSelection(ports, area.areaId);
  await withdrawPersonalReminders(ports, area, announced.applicationId);
}

async function tellOfferAnswered(ports: AnnouncementPorts, announced: Extract<Announcement, { kind: 'offer-answered' }>): Promise<void> {
  const { area, person, other } = await peopleOf(ports, announced.areaId, announced.applicationId, announced.offeredTo);
  const emails: EmailToSend[] = [];
  if (announced.accepted) {
    // A place is accepted once, so the id of its email is the person's own: queued again, it is refused, and its link with it.
    const { url, link } = withdrawalLinkFor(ports, area, person);
    emails.push({ email: { ...selectionEmails.selected(area, person, url, false), messageId: `offer-accepted-${area.areaId}-${person.applicationId}` }, link });
  }
  if (other) emails.push(placeOfferedEmail(ports, area, other, announced.offerOccasion));
  await queueEmails(ports, emails);
  if (announced.accepted) await calendarsFollowSelection(ports, area.areaId, { joined: person.applicationId });
}

async function tellUndoneWithdrawal(ports: AnnouncementPorts, announced: Extract<Announcement, { kind: 'withdrawal-undone' }>): Promise<void> {
  const { area, person, other } = await peopleOf(ports, announced.areaId, announced.applicationId, announced.offerWithdrawnFrom);
  const programmeUrl = ports.links.openAreas();
  await queueEmails(ports, [
    { email: withdrawalUndoneEmails.stillTakingPart(area, person, programmeUrl, announced.occasion) },
    ...(other ? [{ email: withdrawalUndoneEmails.offerWithdrawn(area, other, programmeUrl, announced.occasion) }] : []),
  ]);
  await calendarsFollowSelection(ports, area.areaId);
}

async function inviteToLearningEvent(ports: AnnouncementPorts, announced: Extract<Announcement, { kind: 'learning-event-scheduled' }>): Promise<void> {
  const [region, event] = await Promise.all([regionParticipants(ports, announced.regionId), ports.learningEvents.get(announced.regionId)]);
  // Moved again since: the later announcement sends the invitation as it now stands.
  if (!event || event.sequence !== announced.sequence) return;
  const programmeUrl = ports.links.openAreas();
  await queueEmails(
    ports,
    region.participants.map((participant) => ({ email: learningEventInvitation(regionName(announced.regionId), event, participant, ports.settings.mailFrom, programmeUrl) })),
  );
  ports.log('INFO', 'learning event invitations sent', { regionId: announced.regionId, participants: region.participants.length });
}

/** The area, the person a change is about, and the other person it concerns (a reserve), read together. */
async function peopleOf(ports: AnnouncementPorts, areaId: string, applicationId: string, otherId: string | undefined): Promise<{ area: Area; person: Application; other?: Application }> {
  const [area, person, other] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.findByReference(areaId, applicationId),
    otherId ? ports.applications.findByReference(areaId, otherId) : undefined,
  ]);
  if (!person) throw new NotFoundError('Application');
  return { area, person, ...(other ? { other } : {}) };
}

import {
  formatUkDateTime,
  formatUkTimeSpan,
  venueHosts,
  type Application,
  type LearningEvent,
  type Area,
  type OutboundEmail,
  type Workshop,
} from '@pip/domain';
import { calendarAttachment } from './calendar';
import { aboutArea, composeEmail } from './compose';


/** A prompt to the programme team's mailbox: what an area (or a region) needs from them now. */
export function staffPrompt(options: { messageId: string; to: string; about: string; subject: string; paragraphs: string[]; consoleUrl: string; areaId?: string }): OutboundEmail {
  return composeEmail({
    messageId: options.messageId,
    to: options.to,
    ...(options.areaId ? aboutArea(options.areaId) : {}),
    subject: `${options.subject}: ${options.about}`,
    greeting: 'Dear programme team,',
    blocks: options.paragraphs.map((paragraph) => ({ paragraph })),
    action: { label: `Open ${options.about} in the staff console`, url: options.consoleUrl },
  });
}

function workshopLine(workshop: Workshop): string {
  return `Workshop ${workshop.number}: ${formatUkTimeSpan(workshop.startsAt, workshop.endsAt)}, at ${workshop.venue.name} (${venueHosts[workshop.venue.host].toLowerCase()}).`;
}

/** The briefing every selected participant receives before the workshops. */
export function briefing(area: Area, participant: Application, workshops: readonly Workshop[], programmeUrl: string): OutboundEmail {
  return composeEmail({
    messageId: `briefing-${area.areaId}-${participant.applicationId}`,
    to: participant.answers.email,
    ...aboutArea(participant.areaId, participant.applicationId),
    subject: `Your briefing: Partnership Improvement Programme, ${area.name}`,
    greeting: `Dear ${participant.answers.fullName},`,
    blocks: [
      { heading: 'Purpose' },
      { paragraph: `The programme helps the council and the voluntary and community sector in ${area.name} work together as partners: six senior council officers and six voluntary and community sector leaders, learning side by side.` },
      { heading: 'Content and process' },
      { paragraph: 'Four half-day workshops, four to six weeks apart, alternate between council and voluntary sector premises. At the fourth you draft a partnership improvement action plan, agreed within six weeks; progress reviews follow.' },
      { heading: 'Time commitment' },
      { paragraph: 'The four workshops, some reading between them, and your part in the action plan and its reviews over about nine months.' },
      { heading: 'Benefits' },
      { paragraph: 'A working relationship with your counterparts across the sectors, and an agreed plan for your area that you helped to write.' },
      { heading: 'Dates' },
      ...workshops.map((workshop) => ({ paragraph: workshopLine(workshop) })),
      { paragraph: 'Each workshop invitation follows in its own email with a calendar file.' },
    ],
    action: { label: 'About the programme', url: programmeUrl },
  });
}

/**
 * One workshop's invitation with its calendar file: a first invitation, an update of the one the
 * person holds (`update`), or an invitation again after a cancellation; the sequence is theirs,
 * above whatever their calendar was last sent, so the message id is new for every change.
 */
export function workshopInvitation(
  area: Area,
  participant: Application,
  workshop: Workshop,
  sequence: number,
  from: string,
  programmeUrl: string,
  update = sequence > 0,
): OutboundEmail {
  const email = composeEmail({
    messageId: `workshop-${area.areaId}-${workshop.number}-${sequence}-${participant.applicationId}`,
    to: participant.answers.email,
    ...aboutArea(participant.areaId, participant.applicationId),
    subject: `${update ? 'Updated invitation' : 'Invitation'}: workshop ${workshop.number}, Partnership Improvement Programme, ${area.name}`,
    greeting: `Dear ${participant.answers.fullName},`,
    blocks: [
      { paragraph: workshopLine(workshop) },
      { paragraph: `Facilitated by ${workshop.facilitators.join(' and ')}. The calendar file attached adds it to your calendar${update ? ' and replaces the earlier one' : ''}.` },
    ],
    action: { label: 'About the programme', url: programmeUrl },
  });
  return { ...email, calendar: calendarAttachment(workshopEvent(area, participant, workshop, sequence, from)) };
}

function workshopEvent(area: Area, participant: Application, workshop: Workshop, sequence: number, from: string) {
  return {
    uid: `workshop-${workshop.number}-${area.areaId}@pip-platform`,
    sequence,
    title: `Partnership Improvement Programme: workshop ${workshop.number}, ${area.name}`,
    description: `Workshop ${workshop.number} of 4, facilitated by ${workshop.facilitators.join(' and ')}.`,
    location: workshop.venue.name,
    startsAt: workshop.startsAt,
    endsAt: workshop.endsAt,
    attendee: { name: participant.answers.fullName, email: participant.answers.email },
    organiserMailbox: from,
  };
}

/** Takes the workshop out of the calendar of a participant who has left the group, at their next sequence. */
export function workshopCancellation(area: Area, participant: Application, workshop: Workshop, sequence: number, from: string, programmeUrl: string): OutboundEmail {
  const email = composeEmail({
    messageId: `workshop-cancel-${area.areaId}-${workshop.number}-${sequence}-${participant.applicationId}`,
    to: participant.answers.email,
    ...aboutArea(participant.areaId, participant.applicationId),
    subject: `Cancelled for you: workshop ${workshop.number}, Partnership Improvement Programme, ${area.name}`,
    greeting: `Dear ${participant.answers.fullName},`,
    blocks: [{ paragraph: `As you are no longer taking part in the programme, workshop ${workshop.number} is taken out of your calendar.` }],
    action: { label: 'About the programme', url: programmeUrl },
  });
  return { ...email, calendar: calendarAttachment(workshopEvent(area, participant, workshop, sequence, from), 'CANCEL') };
}

export function workshopReminderId(area: Area, participant: Application, workshop: Workshop, daysBefore: number, sequence: number): string {
  return `workshop-reminder-${area.areaId}-${workshop.number}-${daysBefore}-${sequence}-${participant.applicationId}`;
}

/** A reminder held in the outbox until `sendAfter`: seven days, then one day, before the workshop; never sent once it has begun. */
export function workshopReminder(area: Area, participant: Application, workshop: Workshop, reminder: { daysBefore: number; at: string }, sequence: number, programmeUrl: string): OutboundEmail {
  const when = reminder.daysBefore === 1 ? 'tomorrow' : `in ${reminder.daysBefore} days`;
  return {
    ...composeEmail({
      messageId: workshopReminderId(area, participant, workshop, reminder.daysBefore, sequence),
      to: participant.answers.email,
      ...aboutArea(participant.areaId, participant.applicationId),
      subject: `Reminder: workshop ${workshop.number} is ${when}, Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${participant.answers.fullName},`,
      blocks: [{ paragraph: workshopLine(workshop) }, { paragraph: 'If you can no longer come, please tell the programme team by replying to this email.' }],
      action: { label: 'About the programme', url: programmeUrl },
    }),
    sendAfter: reminder.at,
    notAfter: workshop.startsAt,
  };
}

/** The invitation to a region's learning and mentoring event, for every participant of the region. */
export function learningEventInvitation(regionName: string, event: LearningEvent, participant: Application, from: string, programmeUrl: string): OutboundEmail {
  const email = composeEmail({
    messageId: `learning-event-${event.regionId}-${event.sequence}-${participant.applicationId}`,
    to: participant.answers.email,
    ...aboutArea(participant.areaId, participant.applicationId),
    subject: `${event.sequence === 0 ? 'Invitation' : 'Updated invitation'}: learning and mentoring event, ${regionName}`,
    greeting: `Dear ${participant.answers.fullName},`,
    blocks: [
      { paragraph: `Every area of ${regionName} has completed the Partnership Improvement Programme. Participants from all of them meet to share what they learned and to mentor one another.` },
      { paragraph: `${formatUkDateTime(event.startsAt)}, at ${event.venue}. The calendar file attached adds it to your calendar.` },
    ],
    action: { label: 'About the programme', url: programmeUrl },
  });
  return {
    ...email,
    calendar: calendarAttachment({
      uid: `learning-event-${event.regionId}@pip-platform`,
      sequence: event.sequence,
      title: `Partnership Improvement Programme: learning and mentoring event, ${regionName}`,
      description: `For every participant of the programme in ${regionName}.`,
      location: event.venue,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      attendee: { name: participant.answers.fullName, email: participant.answers.email },
      organiserMailbox: from,
    }),
  };
}

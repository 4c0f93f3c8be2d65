import { formatUkDate, formatUkDateTime, formatUkTimeSpan, type Area, type BookingChange, type ConsultancySlot, type OutboundEmail, type Recipient, type Reminder, type SessionNumber } from '@pip/domain';
import { calendarAttachment } from './calendar';
import { aboutArea, composeEmail } from './compose';


const timeSpan = (slot: ConsultancySlot) => formatUkTimeSpan(slot.startsAt, slot.endsAt);
const where = (slot: ConsultancySlot) => (slot.mode === 'online' ? `online: ${slot.where}` : `at ${slot.where}`);
const earliestOf = (options: readonly { startsAt: string }[]) => options.map((option) => option.startsAt).sort()[0] ?? new Date().toISOString();
const sessionUid = (area: Area, session: SessionNumber) => `consultancy-${session}-${area.areaId}@pip-platform`;

function sessionEvent(area: Area, session: SessionNumber, slot: ConsultancySlot, sequence: number, to: Recipient, from: string) {
  return {
    uid: sessionUid(area, session),
    sequence,
    title: `Consultancy session ${session}, Partnership Improvement Programme, ${area.name}`,
    description: `Consultancy session ${session} of 2 for the leads of ${area.name}, with ${slot.facilitator}. ${slot.mode === 'online' ? `Join: ${slot.where}` : ''}`.trim(),
    location: slot.where,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    attendee: { name: to.name, email: to.email },
    organiserMailbox: from,
  };
}

function followUpEvent(area: Area, to: Recipient, option: { startsAt: string; endsAt: string }, venue: string, from: string, sequence: number) {
  return {
    uid: `follow-up-${area.areaId}@pip-platform`,
    sequence,
    title: `Partnership Improvement Programme: follow-up review, ${area.name}`,
    description: `The full group's review of progress on the action plan of ${area.name}.`,
    location: venue,
    startsAt: option.startsAt,
    endsAt: option.endsAt,
    attendee: { name: to.name, email: to.email },
    organiserMailbox: from,
  };
}

/** The emails of the two consultancy sessions: links to book, confirmations with calendar files, reminders. */
const bookingSubjects: Record<BookingChange, string> = { booked: 'Booked', moved: 'Moved', 'booked-again': 'Booked again' };

/** Where an email about a session sends its reader: a lead to their own booking page, anyone else to the programme's. */
export type SessionManage = { leadUrl: string } | { programmeUrl: string };

export const consultancyEmails = {
  bookingLink: (area: Area, session: SessionNumber, lead: Recipient, url: string, expiresAt: string): OutboundEmail =>
    composeEmail({
      messageId: `consultancy-link-${area.areaId}-${session}-${lead.key}`,
      to: lead.email,
      ...aboutArea(area.areaId, lead.key),
      subject: `Book consultancy session ${session}: Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${lead.name},`,
      blocks: [
        { paragraph: `As a lead participant for ${area.name}, you can now book consultancy session ${session} of 2 for your area. Either lead may book it; the other sees the booking through their own link.` },
        { paragraph: `The link below is personal to you and works until ${formatUkDate(expiresAt)}. Use it again to move or cancel the booking, up to a day before the session.` },
      ],
      action: { label: `Book consultancy session ${session}`, url },
    }),

  confirmation: (
    area: Area,
    session: SessionNumber,
    slot: ConsultancySlot,
    { sequence, change }: { sequence: number; change: BookingChange },
    to: Recipient,
    bookedBy: string,
    from: string,
    manage: SessionManage,
  ): OutboundEmail => ({
    ...composeEmail({
      messageId: `consultancy-booked-${area.areaId}-${session}-${sequence}-${to.key}`,
      to: to.email,
      ...aboutArea(area.areaId, to.key),
      subject: `${bookingSubjects[change]}: consultancy session ${session}, ${formatUkDateTime(slot.startsAt)}, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [
        { paragraph: `Consultancy session ${session} for ${area.name} is ${change === 'moved' ? 'now' : 'booked'} for ${timeSpan(slot)}, ${where(slot)}, with ${slot.facilitator}.` },
        { paragraph: `${bookedBy} ${change === 'moved' ? 'moved it' : 'made the booking'}. The calendar file attached ${change === 'moved' ? 'updates it in' : 'adds it to'} your calendar.` },
        {
          paragraph:
            'leadUrl' in manage
              ? 'You can move or cancel it up to a day before, through your own link below.'
              : 'Leads can move or cancel it up to a day before, with the link in the email that invited them to book.',
        },
      ],
      action: 'leadUrl' in manage ? { label: 'Move or cancel the session', url: manage.leadUrl } : { label: 'About the programme', url: manage.programmeUrl },
    }),
    calendar: calendarAttachment(sessionEvent(area, session, slot, sequence, to, from)),
  }),

  /** Takes the session out of one person's calendar, at that person's next sequence. */
  cancellation: (area: Area, session: SessionNumber, slot: ConsultancySlot, sequence: number, to: Recipient, cancelledBy: string, from: string, manage: SessionManage): OutboundEmail => ({
    ...composeEmail({
      messageId: `consultancy-cancelled-${area.areaId}-${session}-${sequence}-${to.key}`,
      to: to.email,
      ...aboutArea(area.areaId, to.key),
      subject: `Cancelled: consultancy session ${session}, ${formatUkDateTime(slot.startsAt)}, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [
        {
          paragraph: `${cancelledBy} cancelled consultancy session ${session} for ${area.name}, which was booked for ${formatUkDateTime(slot.startsAt)}. The calendar file attached removes it from your calendar. ${'leadUrl' in manage ? 'You can book another time through your own link below.' : 'The session can be booked again at another time.'}`,
        },
      ],
      action: 'leadUrl' in manage ? { label: 'Book another time', url: manage.leadUrl } : { label: 'About the programme', url: manage.programmeUrl },
    }),
    calendar: calendarAttachment(sessionEvent(area, session, slot, sequence, to, from), 'CANCEL'),
  }),

  /** Takes the session out of the calendar of someone no longer expected at it: a lead replaced, a facilitator whose time it left. */
  removed: (area: Area, session: SessionNumber, slot: ConsultancySlot, sequence: number, to: Recipient, from: string, manageUrl: string): OutboundEmail => ({
    ...composeEmail({
      messageId: `consultancy-removed-${area.areaId}-${session}-${sequence}-${to.key}`,
      to: to.email,
      ...aboutArea(area.areaId, to.key),
      subject: `No longer in your calendar: consultancy session ${session}, ${formatUkDateTime(slot.startsAt)}, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [
        { paragraph: `You are no longer expected at consultancy session ${session} for ${area.name} (${formatUkDateTime(slot.startsAt)}): the session moved, or the people taking part changed. The calendar file attached removes it from your calendar.` },
      ],
      action: { label: 'About the programme', url: manageUrl },
    }),
    calendar: calendarAttachment(sessionEvent(area, session, slot, sequence, to, from), 'CANCEL'),
  }),

  reminderId: (area: Area, session: SessionNumber, sequence: number, daysBefore: number, to: Recipient) =>
    `consultancy-reminder-${area.areaId}-${session}-${sequence}-${daysBefore}-${to.key}`,

  reminder: (area: Area, session: SessionNumber, slot: ConsultancySlot, sequence: number, { daysBefore, at }: Reminder, to: Recipient, manageUrl: string): OutboundEmail => ({
    ...composeEmail({
      messageId: consultancyEmails.reminderId(area, session, sequence, daysBefore, to),
      to: to.email,
      ...aboutArea(area.areaId, to.key),
      subject: `Reminder: consultancy session ${session} is ${daysBefore === 1 ? 'tomorrow' : `in ${daysBefore} days`}, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [{ paragraph: `Consultancy session ${session}: ${timeSpan(slot)}, ${where(slot)}, with ${slot.facilitator}.` }],
      action: { label: 'About the programme', url: manageUrl },
    }),
    sendAfter: at,
    notAfter: slot.startsAt,
  }),

  notBookedId: (area: Area, session: SessionNumber, to: string) => `consultancy-not-booked-${area.areaId}-${session}-${to}`,

  /** Held until the time to book has passed; withdrawn as soon as the session is booked; worthless once the booking link has expired. */
  notBookedReminder: (area: Area, session: SessionNumber, lead: Recipient, url: string, sendAfter: string, notAfter: string): OutboundEmail => ({
    ...composeEmail({
      messageId: consultancyEmails.notBookedId(area, session, lead.key),
      to: lead.email,
      ...aboutArea(area.areaId, lead.key),
      subject: `Please book consultancy session ${session}: ${area.name}`,
      greeting: `Dear ${lead.name},`,
      blocks: [{ paragraph: `Consultancy session ${session} for ${area.name} is not booked yet. Please choose a time, or reply to tell the programme team what would suit you.` }],
      action: { label: `Book consultancy session ${session}`, url },
    }),
    sendAfter,
    notAfter,
  }),

  /** Sent by staff to a lead who has not booked, once per round of reminders (`roundId`), with a fresh link. */
  bookingReminder: (area: Area, session: SessionNumber, lead: Recipient, url: string, expiresAt: string, roundId: string): OutboundEmail =>
    composeEmail({
      messageId: `consultancy-reminder-round-${area.areaId}-${session}-${roundId}-${lead.key}`,
      to: lead.email,
      ...aboutArea(area.areaId, lead.key),
      subject: `Reminder: please book consultancy session ${session}: ${area.name}`,
      greeting: `Dear ${lead.name},`,
      blocks: [
        { paragraph: `Consultancy session ${session} of 2 for ${area.name} is not booked yet. Please choose a time with the link below; either lead may book it for both of you.` },
        { paragraph: `The link is personal to you and works until ${formatUkDate(expiresAt)}. If none of the times suits you, reply to tell the programme team what would.` },
      ],
      action: { label: `Book consultancy session ${session}`, url },
    }),

  notBookedAlert: (area: Area, session: SessionNumber, to: string, consoleUrl: string, sendAfter: string, notAfter: string): OutboundEmail => ({
    ...composeEmail({
      messageId: consultancyEmails.notBookedId(area, session, 'staff'),
      to,
      ...aboutArea(area.areaId),
      subject: `Not booked: consultancy session ${session}: ${area.name}`,
      greeting: 'Dear programme team,',
      blocks: [{ paragraph: `The leads of ${area.name} have not booked consultancy session ${session}. You can book it for them from the console.` }],
      action: { label: 'Open the consultancy sessions', url: consoleUrl },
    }),
    sendAfter,
    notAfter,
  }),
};

/** The follow-up review: the dates to answer, then the invitation to the date most can make. */
export const followUpEmails = {
  dates: (area: Area, to: Recipient, options: readonly { startsAt: string }[], url: string): OutboundEmail =>
    composeEmail({
      messageId: `follow-up-dates-${area.areaId}-${to.key}`,
      to: to.email,
      ...aboutArea(area.areaId, to.key),
      subject: `Which dates suit you? Follow-up review, Partnership Improvement Programme, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [
        { paragraph: `The full group of ${area.name} meets once more to review progress on the action plan. These dates are proposed:` },
        ...options.map((option) => ({ paragraph: formatUkDateTime(option.startsAt) })),
        { paragraph: 'Tell us which you can make with the link below. We will confirm the date most people can make.' },
      ],
      action: { label: 'Answer for each date', url },
    }),

  /** Sent by staff to a participant who has not said which dates suit them, once per round of reminders (`roundId`). */
  datesReminder: (area: Area, to: Recipient, options: readonly { startsAt: string }[], url: string, roundId: string): OutboundEmail =>
    composeEmail({
      messageId: `follow-up-reminder-${area.areaId}-${roundId}-${to.key}`,
      to: to.email,
      ...aboutArea(area.areaId, to.key),
      subject: `Reminder: which dates suit you? Follow-up review, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [
        { paragraph: `We have not yet heard which dates suit you for the follow-up review of ${area.name}. These dates are proposed:` },
        ...options.map((option) => ({ paragraph: formatUkDateTime(option.startsAt) })),
        { paragraph: `Please answer before ${formatUkDate(earliestOf(options))}, so that the date can be confirmed in time. Tick none if none suits you.` },
      ],
      action: { label: 'Answer for each date', url },
    }),

  /** The confirmed date, with its calendar file at this person's next sequence (above any cancellation they were sent). */
  invitation: (area: Area, to: Recipient, option: { startsAt: string; endsAt: string }, venue: string, url: string, from: string, sequence = 0): OutboundEmail => ({
    ...composeEmail({
      messageId: `follow-up-invitation-${area.areaId}-${to.key}${sequence > 0 ? `-${sequence}` : ''}`,
      to: to.email,
      ...aboutArea(area.areaId, to.key),
      subject: `Invitation: follow-up review, ${formatUkDateTime(option.startsAt)}, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [
        { paragraph: `The follow-up review of ${area.name} is at ${formatUkDateTime(option.startsAt)}, at ${venue}: the date most of the group can make.` },
        { paragraph: 'The calendar file attached adds it to your calendar. Tell us whether you will attend with the link below.' },
      ],
      action: { label: 'Say whether you will attend', url },
    }),
    calendar: calendarAttachment(followUpEvent(area, to, option, venue, from, sequence)),
  }),

  /** Takes the review out of the calendar of someone no longer in the group. */
  cancellation: (area: Area, to: Recipient, option: { startsAt: string; endsAt: string }, venue: string, from: string, sequence: number, url: string): OutboundEmail => ({
    ...composeEmail({
      messageId: `follow-up-cancelled-${area.areaId}-${to.key}-${sequence}`,
      to: to.email,
      ...aboutArea(area.areaId, to.key),
      subject: `Cancelled for you: follow-up review, ${formatUkDateTime(option.startsAt)}, ${area.name}`,
      greeting: `Dear ${to.name},`,
      blocks: [{ paragraph: `As you are no longer taking part in the programme, the follow-up review of ${area.name} is taken out of your calendar.` }],
      action: { label: 'About the programme', url },
    }),
    calendar: calendarAttachment(followUpEvent(area, to, option, venue, from, sequence), 'CANCEL'),
  }),
};

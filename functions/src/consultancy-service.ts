import { randomUUID } from 'node:crypto';
import {
  REMINDER_DAYS_BEFORE,
  ValidationError,
  beforeCutoff,
  bookableSlots,
  consultancyRules,
  facilitatorKey,
  reminderTimes,
  sessionNumbers,
  sectors,
  slotProblems,
  type Actor,
  type Area,
  type ConsultancySlot,
  type SessionNumber,
  LOST_RACE,
  takeTurns,
} from '@pip/domain';
import { consultancyEmails, type Recipient } from '@pip/mail';
import type { BookingOutcome, StoredSession } from '@pip/storage';
import { newEmailedLink } from './emailed-links';
import { queueAndSend, type EmailToSend } from './send-emails';
import { auditEntry } from './staff-request';
import { getPlatform } from './wiring';

const DAY = 24 * 60 * 60 * 1000;
const baseUrl = () => getPlatform().publicBaseUrl ?? '';

const areaOf = (areaId: string) => getPlatform().areas.existing(areaId);

/** The two leads of an approved selection, as recipients. */
async function leadsOf(areaId: string): Promise<Recipient[]> {
  const platform = getPlatform();
  const [selection, applications] = await Promise.all([platform.selections.get(areaId), platform.applications.listForArea(areaId)]);
  if (selection?.status !== 'approved') return [];
  return sectors
    .map((sector) => applications.find((application) => application.applicationId === selection.leads[sector]))
    .filter((lead) => lead !== undefined)
    .map((lead) => ({ key: lead.applicationId, name: lead.answers.fullName, email: lead.answers.email }));
}

const facilitatorOf = (slot: ConsultancySlot): Recipient => ({ key: `facilitator-${facilitatorKey(slot.facilitator).replace(/\W+/gu, '-')}`, name: slot.facilitator, email: slot.facilitatorEmail });

export interface SlotInput {
  facilitator: string;
  facilitatorEmail: string;
  startsAt: Date;
  endsAt: Date;
  mode: 'in-person' | 'online';
  where: string;
}

/** Publishes a slot unless its facilitator already holds one that overlaps, in any area. */
export async function publishSlot(areaId: string, input: SlotInput, actor: Actor): Promise<ConsultancySlot> {
  const platform = getPlatform();
  await areaOf(areaId);
  return takeTurns(async () => {
    const slot: ConsultancySlot = {
      slotId: randomUUID(),
      areaId,
      facilitator: input.facilitator.trim(),
      facilitatorEmail: input.facilitatorEmail.trim(),
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
      mode: input.mode,
      where: input.where.trim(),
    };
    const held = await platform.consultancy.facilitatorSlots(slot.facilitator);
    const problems = slotProblems(slot, held.slots, platform.clock.now());
    if (problems.length > 0) throw new ValidationError(problems);
    if (!(await platform.consultancy.publish(slot, held.version))) return LOST_RACE;
    await platform.audit.record(auditEntry(areaId, actor, 'Consultancy slot published', `${slot.facilitator}, ${slot.startsAt} to ${slot.endsAt}, ${slot.mode === 'online' ? 'online' : slot.where}.`, undefined, slot));
    return slot;
  }, () => new ValidationError([{ field: 'start', message: 'The facilitator’s calendar kept changing; try again' }]));
}

/** Emails each lead their own link to book the session, and holds reminders for if it stays unbooked. */
export async function sendBookingLinks(areaId: string, session: SessionNumber): Promise<void> {
  const platform = getPlatform();
  const area = await areaOf(areaId);
  const now = platform.clock.now().getTime();
  const expiresAt = new Date(now + consultancyRules.linkDays * DAY).toISOString();
  const remindAt = new Date(now + consultancyRules.bookWithinDays * DAY).toISOString();
  const emails: EmailToSend[] = [];
  for (const lead of await leadsOf(areaId)) {
    const { url, link } = newEmailedLink({ purpose: 'consultancy', areaId, applicationId: lead.key, expiresAt, details: { session } }, (token) => `${baseUrl()}/consultancy/${token}`);
    emails.push({ email: consultancyEmails.bookingLink(area, session, lead, url, expiresAt), link });
    emails.push({ email: consultancyEmails.notBookedReminder(area, session, lead, url, remindAt) });
  }
  emails.push({ email: consultancyEmails.notBookedAlert(area, session, platform.staffAlertsTo, `${baseUrl()}/staff/areas/${encodeURIComponent(areaId)}/consultancy`, remindAt) });
  await queueAndSend(emails);
}

export interface ConsultancyState {
  area: Area;
  leads: Recipient[];
  session: SessionNumber;
  slots: ConsultancySlot[];
  booking: StoredSession | undefined;
  bookedSlot: ConsultancySlot | undefined;
  bookable: ConsultancySlot[];
  canChange: boolean;
}

/** Both sessions of the area as they stand, from one read of its slots, sessions and leads. */
export async function consultancyStates(areaId: string): Promise<ConsultancyState[]> {
  const platform = getPlatform();
  const [area, leads, slots, sessions] = await Promise.all([areaOf(areaId), leadsOf(areaId), platform.consultancy.slots(areaId), platform.consultancy.sessions(areaId)]);
  const now = platform.clock.now();
  return sessionNumbers.map((session) => {
    const booking = sessions[session];
    const bookedSlot = booking?.status === 'booked' ? slots.find((slot) => slot.slotId === booking.slotId) : undefined;
    return {
      area,
      leads,
      session,
      slots,
      booking,
      bookedSlot,
      bookable: bookableSlots(session, slots, sessions, now),
      canChange: !booking?.heldAt && (!bookedSlot || beforeCutoff(bookedSlot, now)),
    };
  });
}

export async function consultancyState(areaId: string, session: SessionNumber): Promise<ConsultancyState> {
  return (await consultancyStates(areaId))[session - 1]!;
}

/** Who hears about a booking: both leads and the slot's facilitator. */
const recipientsFor = (state: ConsultancyState, slot: ConsultancySlot): Recipient[] => [...state.leads, facilitatorOf(slot)];

async function withdrawReminders(area: Area, session: SessionNumber, sequence: number, recipients: Recipient[]): Promise<void> {
  const { outbox } = getPlatform();
  await Promise.all(recipients.flatMap((to) => REMINDER_DAYS_BEFORE.map((days) => outbox.cancel(consultancyEmails.reminderId(area, session, sequence, days, to)))));
}

/**
 * Books (or moves) the session into the slot, if the slot is still free and the session is as
 * the person saw it (`state`, read for the page they acted on). Both leads and the facilitator
 * get the booking with its calendar file.
 */
export async function bookSession(state: ConsultancyState, slotId: string, bookedBy: string, expectedSequence: number | undefined): Promise<BookingOutcome | 'not-bookable'> {
  const platform = getPlatform();
  const { session } = state;
  const { areaId } = state.area;
  const slot = state.bookable.find((candidate) => candidate.slotId === slotId);
  if (!slot) return state.slots.some((candidate) => candidate.slotId === slotId && candidate.bookedFor !== undefined) ? 'slot-taken' : 'not-bookable';
  if (!state.canChange) return 'not-bookable';
  const previous = state.booking;
  if ((previous?.sequence ?? -1) !== (expectedSequence ?? previous?.sequence ?? -1)) return 'session-changed';
  const sequence = previous ? previous.sequence + 1 : 0;
  const booking: StoredSession = { areaId, session, slotId, bookedBy, bookedAt: platform.clock.now().toISOString(), sequence, status: 'booked' };
  const outcome = await platform.consultancy.book(booking, previous);
  if (outcome !== 'booked') return outcome;

  const area = state.area;
  const recipients = recipientsFor(state, slot);
  const manageUrl = `${baseUrl()}/apply`;
  if (previous?.status === 'booked') {
    const previousSlot = state.slots.find((candidate) => candidate.slotId === previous.slotId);
    if (previousSlot) await withdrawReminders(area, session, previous.sequence, recipientsFor(state, previousSlot));
  }
  await Promise.all([...state.leads.map((lead) => lead.key), 'staff'].map((key) => platform.outbox.cancel(consultancyEmails.notBookedId(area, session, key))));
  const now = platform.clock.now().getTime();
  const reminders = reminderTimes(slot).filter((reminder) => Date.parse(reminder.at) > now);
  await queueAndSend(
    recipients.flatMap((to) => [
      { email: consultancyEmails.confirmation(area, session, slot, sequence, to, bookedBy, platform.emailConfig.from, manageUrl) },
      ...reminders.map((reminder) => ({ email: consultancyEmails.reminder(area, session, slot, sequence, reminder, to, manageUrl) })),
    ]),
  );
  await platform.audit.record(auditEntry(areaId, { name: bookedBy }, previous?.status === 'booked' ? 'Consultancy session moved' : 'Consultancy session booked', `Session ${session}: ${slot.startsAt}, with ${slot.facilitator}.`, previous, booking));
  return 'booked';
}

/** Cancels the booking before the cutoff: its slot is free again and everyone's calendar loses it. */
export async function cancelSession(state: ConsultancyState, cancelledBy: string): Promise<boolean> {
  const platform = getPlatform();
  const { session } = state;
  const { areaId } = state.area;
  if (!state.booking || state.booking.status !== 'booked' || !state.bookedSlot || !state.canChange) return false;
  if (!(await platform.consultancy.cancel(state.booking))) return false;
  const slot = state.bookedSlot;
  const recipients = recipientsFor(state, slot);
  await withdrawReminders(state.area, session, state.booking.sequence, recipients);
  const manageUrl = `${baseUrl()}/apply`;
  await queueAndSend(recipients.map((to) => ({ email: consultancyEmails.cancellation(state.area, session, slot, state.booking!.sequence, to, cancelledBy, platform.emailConfig.from, manageUrl) })));
  await platform.audit.record(auditEntry(areaId, { name: cancelledBy }, 'Consultancy session cancelled', `Session ${session}, which was booked for ${slot.startsAt}.`, state.booking, undefined));
  return true;
}

/** Staff record that a session took place; after session one, the leads are sent links to book session two. */
export async function recordSessionHeld(areaId: string, session: SessionNumber, notes: string, actor: Actor): Promise<boolean> {
  const platform = getPlatform();
  const state = await consultancyState(areaId, session);
  if (!state.bookedSlot || Date.parse(state.bookedSlot.startsAt) > platform.clock.now().getTime()) return false;
  if (!(await platform.consultancy.recordHeld(areaId, session, notes, platform.clock.now().toISOString()))) return false;
  await platform.audit.record(auditEntry(areaId, actor, 'Consultancy session held', `Session ${session} took place. Notes on the action plan: ${notes || 'none'}`));
  if (session === 1) await sendBookingLinks(areaId, 2);
  return true;
}

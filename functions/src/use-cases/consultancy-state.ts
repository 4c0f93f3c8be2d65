import { bookableSlots, canChangeBooking, sessionNumbers, type Area, type ConsultancySlot, type Ports, type SessionBooking, type SessionNumber } from '@pip/domain';
import type { Recipient } from '@pip/mail';
import { areaLeads } from './area-leads';

export type ConsultancyStatePorts = Pick<Ports, 'areas' | 'selections' | 'applications' | 'consultancy' | 'clock'>;

/** One consultancy session of an area as it stands: what the booking page, the staff page and every change decide from. */
export interface ConsultancyState {
  area: Area;
  leads: Recipient[];
  session: SessionNumber;
  slots: ConsultancySlot[];
  booking: SessionBooking | undefined;
  bookedSlot: ConsultancySlot | undefined;
  bookable: ConsultancySlot[];
  canChange: boolean;
}

/** Both sessions of the area as they stand, from one read of its slots, sessions and leads. */
export async function consultancyStates(ports: ConsultancyStatePorts, areaId: string): Promise<ConsultancyState[]> {
  const [area, leads, slots, sessions] = await Promise.all([
    ports.areas.existing(areaId),
    areaLeads(ports, areaId),
    ports.consultancy.slots(areaId),
    ports.consultancy.sessions(areaId),
  ]);
  const now = ports.clock.now();
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
      canChange: canChangeBooking(booking, bookedSlot, now),
    };
  });
}

export async function consultancyState(ports: ConsultancyStatePorts, areaId: string, session: SessionNumber): Promise<ConsultancyState> {
  const states = await consultancyStates(ports, areaId);
  return states[sessionNumbers.indexOf(session)]!;
}

import { describe, expect, it } from 'vitest';
import type { Area, ConsultancySlot } from '@pip/domain';
import { consultancyEmails } from '@pip/mail';

const area: Area = { areaId: 'leeds', name: 'Leeds', regionId: 'yorkshire-and-the-humber', recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-02-01T17:00:00Z' } };
const slot: ConsultancySlot = {
  slotId: 'slot-1',
  areaId: 'leeds',
  facilitator: 'Fay Facilitator',
  facilitatorEmail: 'fay@example.org',
  startsAt: '2027-03-16T10:00:00Z',
  endsAt: '2027-03-16T12:00:00Z',
  mode: 'in-person',
  where: 'Civic Centre, Room 2',
};
const lena = { key: 'PIP-AAAA-BBBB', name: 'Lena Lead', email: 'lena@example.org' };

describe('a consultancy session in its emails', () => {
  it('reads as a time span on a day: "10:00am to 12:00pm on 16 March 2027"', () => {
    const booked = consultancyEmails.confirmation(area, 1, slot, { sequence: 1, change: 'booked' }, lena, 'Lena Lead', 'programme@pip.example', { programmeUrl: 'https://pip.example/apply' });
    expect(booked.text).toContain('Consultancy session 1 for Leeds is booked for 10:00am to 12:00pm on 16 March 2027, at Civic Centre, Room 2, with Fay Facilitator.');
    const reminder = consultancyEmails.reminder(area, 1, slot, 1, { daysBefore: 1, at: '2027-03-15T10:00:00Z' }, lena, 'https://pip.example/apply');
    expect(reminder.text).toContain('Consultancy session 1: 10:00am to 12:00pm on 16 March 2027, at Civic Centre, Room 2, with Fay Facilitator.');
  });
});

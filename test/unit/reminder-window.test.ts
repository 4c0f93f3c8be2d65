import { describe, expect, it } from 'vitest';
import { isStale, reminderTimes, type Application, type Area, type Workshop } from '@pip/domain';
import { workshopReminder } from '@pip/mail';

const area: Area = { areaId: 'cumbria', name: 'Cumbria', regionId: 'north-west', recruitment: { opensAt: '2026-09-01T00:00:00Z', closesAt: '2026-10-01T00:00:00Z' } };
const participant = { applicationId: 'APP-1', answers: { fullName: 'Mark Robinson', email: 'mark@example.org' } } as Application;
const workshop: Workshop = {
  number: 1,
  startsAt: '2027-01-06T09:30:00.000Z',
  endsAt: '2027-01-06T13:00:00.000Z',
  venue: { name: 'Carlisle Civic Centre', host: 'council' },
  facilitators: ['Alex Facilitator', 'Bea Facilitator'],
};

describe('a workshop reminder', () => {
  it('is held until its time and worthless from the moment the workshop starts', () => {
    for (const reminder of reminderTimes(workshop)) {
      const email = workshopReminder(area, participant, workshop, reminder, 0, 'https://pip.example/programme');
      expect(email.sendAfter).toBe(reminder.at);
      expect(isStale(email, new Date(reminder.at))).toBe(false);
      expect(isStale(email, new Date('2027-01-06T09:29:59.000Z'))).toBe(false);
      expect(isStale(email, new Date(workshop.startsAt))).toBe(true);
      expect(isStale(email, new Date('2027-01-07T09:00:00.000Z'))).toBe(true);
    }
  });
});

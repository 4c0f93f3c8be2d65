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

describe('the other timed emails', () => {
  it('a consultancy reminder is worthless once its session starts; a nudge to book or to evaluate once its link has expired', async () => {
    const { consultancyEmails, evaluationEmails } = await import('@pip/mail');
    const lead = { key: 'APP-1', name: 'Mark Robinson', email: 'mark@example.org' };
    const slot = { slotId: 's1', areaId: 'cumbria', facilitator: 'Fay', facilitatorEmail: 'fay@example.org', startsAt: '2027-05-05T09:00:00.000Z', endsAt: '2027-05-05T11:00:00.000Z', mode: 'in-person' as const, where: 'Civic Centre' };
    const reminder = consultancyEmails.reminder(area, 1, slot, 0, { daysBefore: 1, at: '2027-05-04T09:00:00.000Z' }, lead, 'https://pip.example');
    expect(reminder.notAfter).toBe(slot.startsAt);
    const nudge = consultancyEmails.notBookedReminder(area, 1, lead, 'https://pip.example/consultancy/x', '2027-04-01T09:00:00.000Z', '2027-05-01T09:00:00.000Z');
    expect(isStale(nudge, new Date('2027-05-01T09:00:00.000Z'))).toBe(true);
    const evaluation = evaluationEmails.reminder(area, { applicationId: 'APP-1', name: 'Mark Robinson', email: 'mark@example.org' }, 'https://pip.example/evaluation/x', '2027-07-15T09:00:00.000Z', '2027-12-28T09:00:00.000Z');
    expect(evaluation.notAfter).toBe('2027-12-28T09:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { bookConsultancySession } from '@pip/functions/use-cases/progress-reviews/book-consultancy-session';
import { consultancyState } from '@pip/functions/use-cases/progress-reviews/consultancy-state';
import { openConsultancyLink } from '@pip/functions/use-cases/progress-reviews/consultancy-link';
import { nameLead } from '@pip/functions/use-cases/selection/name-lead';
import { recordWithdrawal } from '@pip/functions/use-cases/selection/record-withdrawal';
import { memoryPorts } from '../../support/memory-ports';
import { LEADS, LEEDS, applicant, approvedWith, slot } from './fixtures';

const sam = { staffId: 'sam', name: 'Sam Staff' };

describe('a booked consultancy session when the leads change', () => {
  it('leaves the calendar of the lead who withdrew and arrives in the calendar of the lead named, the facilitator’s untouched', async () => {
    const [councilLead, voluntaryLead] = LEADS;
    const successor = applicant(LEEDS.areaId, 'local-authority', 2);
    const ports = memoryPorts({
      now: '2027-03-01T12:00:00.000Z',
      areas: [LEEDS],
      applications: [...LEADS, successor],
      selections: [approvedWith([councilLead, successor, voluntaryLead])],
      slots: [slot('tuesday', '2027-03-09T10:00:00.000Z')],
    });
    await bookConsultancySession(ports, await consultancyState(ports, LEEDS.areaId, 1), 'tuesday', { key: voluntaryLead.applicationId, name: voluntaryLead.answers.fullName }, -1);
    const subjectsTo = (address: string) => ports.outbox.queued().filter((email) => email.to === address).map((email) => email.subject);
    const facilitatorBefore = subjectsTo('fay@example.org');

    await recordWithdrawal(ports, LEEDS.areaId, councilLead.applicationId, sam);
    await nameLead(ports, LEEDS.areaId, { sector: 'local-authority', lead: successor.applicationId }, sam);

    const removal = ports.outbox.queued().find((email) => email.to === councilLead.answers.email && email.subject.startsWith('No longer in your calendar: consultancy session 1'));
    expect(removal?.calendar?.method).toBe('CANCEL');
    expect(removal?.calendar?.ics).toContain('SEQUENCE:1');
    expect(ports.outbox.waiting().filter((email) => email.to === councilLead.answers.email && email.subject.startsWith('Reminder: consultancy'))).toEqual([]);
    const invitation = ports.outbox.queued().find((email) => email.to === successor.answers.email && email.subject.startsWith('Booked: consultancy session 1'));
    expect(invitation?.calendar?.method).toBe('REQUEST');
    expect(ports.outbox.waiting().filter((email) => email.to === successor.answers.email && email.subject.startsWith('Reminder: consultancy'))).toHaveLength(2);
    expect(subjectsTo('fay@example.org')).toEqual(facilitatorBefore);
  });
});

describe('the emails of a booking', () => {
  it('give each lead their own link to move or cancel it, and the facilitator none', async () => {
    const [councilLead, voluntaryLead] = LEADS;
    const ports = memoryPorts({ now: '2027-03-01T12:00:00.000Z', areas: [LEEDS], applications: [...LEADS], selections: [approvedWith(LEADS)], slots: [slot('tuesday', '2027-03-09T10:00:00.000Z')] });
    await bookConsultancySession(ports, await consultancyState(ports, LEEDS.areaId, 1), 'tuesday', { key: voluntaryLead.applicationId, name: voluntaryLead.answers.fullName }, -1);
    const booked = (address: string) => ports.outbox.queued().find((email) => email.to === address && email.subject.startsWith('Booked: consultancy session 1'));

    for (const lead of [councilLead, voluntaryLead]) {
      const token = /\/consultancy\/([^\s"<]+)/u.exec(booked(lead.answers.email)?.text ?? '')?.[1];
      expect(token, lead.answers.fullName).toBeDefined();
      const link = await openConsultancyLink(ports, token!);
      // Their own: the page opens as that lead, on the session booked.
      expect(link.problem).toBeUndefined();
      expect(!link.problem && [link.lead.key, link.state.session, link.state.booking?.status]).toEqual([lead.applicationId, 1, 'booked']);
    }
    expect(booked('fay@example.org')?.text).not.toMatch(/\/consultancy\//u);
  });
});

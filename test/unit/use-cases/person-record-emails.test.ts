import { describe, expect, it } from 'vitest';
import type { HeldEmail, PersonRecord } from '@pip/domain';
import { exportPerson } from '../../../functions/src/use-cases/people/export-person';

const waiting: HeldEmail = {
  messageId: 'application-received-PIP-1',
  to: 'wanda@example.org',
  subject: '',
  text: '',
  status: 'pending',
  createdAt: '2030-01-01T00:00:00.000Z',
  template: {
    name: 'application-received',
    facts: {
      areaId: 'a',
      reference: 'PIP-1',
      fullName: 'Wanda',
      areaName: 'Waitingshire',
      closesAt: '2030-06-01T16:00:00.000Z',
      outcomeBy: '2030-06-15T16:00:00.000Z',
      url: 'https://pip.localhost/application/secret',
      linkExpiresAt: '2030-07-01T16:00:00.000Z',
    },
  },
};
const sent: HeldEmail = { messageId: 'm2', to: 'wanda@example.org', subject: 'Your place', text: 'Hello', status: 'sent', createdAt: '2030-01-02T00:00:00.000Z' };

const recordOf = (emails: HeldEmail[]): PersonRecord => ({ email: 'wanda@example.org', addresses: [], applications: [], emails, links: [], nominations: [], unreachable: [] }) as unknown as PersonRecord;

describe("a person's record of their emails", () => {
  it('shows an email waiting as its template with the subject it will be sent with, and never its template', async () => {
    const record = await exportPerson({ people: { gather: async () => recordOf([waiting, sent]) } as never }, 'wanda@example.org');
    expect(record.emails.map((email) => email.subject)).toEqual(['Application received: Partnership Improvement Programme, Waitingshire (PIP-1)', 'Your place']);
    expect(JSON.stringify(record)).not.toContain('secret');
  });
});

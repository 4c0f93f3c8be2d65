import { describe, expect, it } from 'vitest';
import {
  APPLICATION_REFERENCE_PATTERN,
  NotFoundError,
  RecruitmentNotOpenError,
  ValidationError,
  applicantKey,
  submitApplication,
  type Application,
  type ApplicationStore,
  type Area,
  type OutboundEmail,
} from '@pip/domain';
import { applicantEmails } from '@pip/mail';
import { goodAnswers } from '../support/application-answers';

const leeds: Area = {
  areaId: 'leeds',
  name: 'Leeds',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-02-01T17:00:00Z' },
};

/** An in-memory store that can be told to lose the next race, as a concurrent request would make it. */
class MemoryApplications implements ApplicationStore {
  readonly byApplicant = new Map<string, Application>();
  readonly outbox: OutboundEmail[] = [];
  loseNextCreateTo?: Application;

  async findByApplicant(areaId: string, email: string) {
    return this.byApplicant.get(`${areaId}#${applicantKey(email)}`);
  }
  async create(application: Application, email: OutboundEmail) {
    const key = `${application.areaId}#${applicantKey(application.answers.email)}`;
    if (this.loseNextCreateTo) {
      this.byApplicant.set(key, this.loseNextCreateTo);
      this.loseNextCreateTo = undefined;
    }
    if (this.byApplicant.has(key)) return false;
    this.byApplicant.set(key, application);
    this.outbox.push(email);
    return true;
  }
  async update(application: Application, expectedVersion: number, email: OutboundEmail) {
    const key = `${application.areaId}#${applicantKey(application.answers.email)}`;
    if (this.byApplicant.get(key)?.version !== expectedVersion) return false;
    this.byApplicant.set(key, application);
    this.outbox.push(email);
    return true;
  }
}

function portsAt(now: string, applications = new MemoryApplications()) {
  let counter = 0;
  return {
    applications,
    ports: {
      areas: { get: async (id: string) => (id === leeds.areaId ? leeds : undefined), list: async () => [leeds] },
      applications,
      emails: applicantEmails('https://pip.example'),
      clock: { now: () => new Date(now) },
      random: (bytes: number) => new Uint8Array(bytes).fill((counter += 1)),
    },
  };
}

describe('submitting an application', () => {
  it('stores a new application with a reference and queues one "received" email', async () => {
    const { ports, applications } = portsAt('2027-01-10T12:00:00Z');
    const result = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    expect(result.outcome).toBe('received');
    expect(result.application.applicationId).toMatch(APPLICATION_REFERENCE_PATTERN);
    expect(applications.outbox.map((email) => email.subject)).toEqual([
      `Application received: Partnership Improvement Programme, Leeds (${result.application.applicationId})`,
    ]);
  });

  it('updates the one application when the same email applies again, in any letter case', async () => {
    const { ports, applications } = portsAt('2027-01-10T12:00:00Z');
    const first = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    const second = await submitApplication(ports, 'leeds', goodAnswers('Amira@Example.org', { jobTitle: 'Director of Communities' }));
    expect(second.outcome).toBe('updated');
    expect(second.application.applicationId).toBe(first.application.applicationId);
    expect(second.application.version).toBe(2);
    expect(applications.byApplicant.size).toBe(1);
    expect(applications.outbox.map((email) => email.messageId)).toEqual([
      `application-received-${first.application.applicationId}`,
      `application-updated-${first.application.applicationId}-v2`,
    ]);
  });

  it('treats the same answers sent twice as one submission: nothing stored or sent again', async () => {
    const { ports, applications } = portsAt('2027-01-10T12:00:00Z');
    await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    const again = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    expect(again.outcome).toBe('unchanged');
    expect(again.email).toBeUndefined();
    expect(applications.outbox).toHaveLength(1);
  });

  it('turns a lost race to create into an update of the winner', async () => {
    const { ports, applications } = portsAt('2027-01-10T12:00:00Z');
    const winner = await submitApplication(portsAt('2027-01-10T12:00:00Z').ports, 'leeds', goodAnswers('amira@example.org'));
    applications.loseNextCreateTo = winner.application;
    const result = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org', { jobTitle: 'Director' }));
    expect(result.outcome).toBe('updated');
    expect(result.application.applicationId).toBe(winner.application.applicationId);
  });

  it('refuses an unknown area, a window not open, and bad answers, storing nothing', async () => {
    const early = portsAt('2027-01-04T08:59:00Z');
    await expect(submitApplication(early.ports, 'nowhere', goodAnswers('a@example.org'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitApplication(early.ports, 'leeds', goodAnswers('a@example.org'))).rejects.toMatchObject({ state: 'not-open-yet' });
    const late = portsAt('2027-02-01T17:00:00Z');
    await expect(submitApplication(late.ports, 'leeds', goodAnswers('a@example.org'))).rejects.toBeInstanceOf(RecruitmentNotOpenError);
    const open = portsAt('2027-01-10T12:00:00Z');
    await expect(submitApplication(open.ports, 'leeds', { fullName: 'A' })).rejects.toBeInstanceOf(ValidationError);
    expect([early, late, open].map(({ applications }) => applications.byApplicant.size)).toEqual([0, 0, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { APPLICATION_REFERENCE_PATTERN, NotFoundError, RecruitmentNotOpenError, ValidationError, type Area } from '@pip/domain';
import { RouteTableLinks } from '@pip/functions/adapters/platform-links';
import { submitApplication, type SubmitApplicationPorts } from '../../functions/src/use-cases/recruitment/submit-application';
import { goodAnswers } from '../support/application-answers';
import { LINKS_BASE_URL, MemoryApplications, MemoryAreas, MemoryDelivery, MemoryOutbox } from '../support/memory-ports';

const leeds: Area = {
  areaId: 'leeds',
  name: 'Leeds',
  regionId: 'yorkshire-and-the-humber',
  recruitment: { opensAt: '2027-01-04T09:00:00Z', closesAt: '2027-02-01T17:00:00Z' },
};

/** The ports of a submission at `now`, with the outbox and what was sent at once to look at. */
function portsAt(now: string) {
  let counter = 0;
  const outbox = new MemoryOutbox();
  const applications = new MemoryApplications(outbox);
  const delivery = new MemoryDelivery();
  const ports: SubmitApplicationPorts = {
    areas: new MemoryAreas([leeds]),
    applications,
    links: new RouteTableLinks(LINKS_BASE_URL),
    clock: { now: () => new Date(now) },
    random: (bytes: number) => new Uint8Array(bytes).fill((counter += 1)),
    delivery,
    log: () => undefined,
  };
  return { ports, applications, outbox: outbox.emails, delivery };
}

describe('submitting an application', () => {
  it('stores a new application with a reference, queues one "received" email and sends it at once', async () => {
    const { ports, outbox, delivery } = portsAt('2027-01-10T12:00:00Z');
    const result = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    expect(result.outcome).toBe('received');
    expect(result.application.applicationId).toMatch(APPLICATION_REFERENCE_PATTERN);
    expect(outbox.map((email) => email.subject)).toEqual([
      `Application received: Partnership Improvement Programme, Leeds (${result.application.applicationId})`,
    ]);
    expect(delivery.sent).toEqual([`application-received-${result.application.applicationId}`]);
  });

  it('updates the one application when the same email applies again, in any letter case', async () => {
    const { ports, applications, outbox } = portsAt('2027-01-10T12:00:00Z');
    const first = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    const second = await submitApplication(ports, 'leeds', goodAnswers('Amira@Example.org', { jobTitle: 'Director of Communities' }));
    expect(second.outcome).toBe('updated');
    expect(second.application.applicationId).toBe(first.application.applicationId);
    expect(second.application.version).toBe(2);
    expect(applications.byApplicant.size).toBe(1);
    expect(outbox.map((email) => email.messageId)).toEqual([
      `application-received-${first.application.applicationId}`,
      `application-updated-${first.application.applicationId}-v2`,
    ]);
  });

  it('treats the same answers sent twice as one submission: nothing stored, queued or sent again', async () => {
    const { ports, outbox, delivery } = portsAt('2027-01-10T12:00:00Z');
    await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    const again = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
    expect(again.outcome).toBe('unchanged');
    expect(again.email).toBeUndefined();
    expect(outbox).toHaveLength(1);
    expect(delivery.sent).toHaveLength(1);
  });

  it('turns a lost race to create into an update of the winner', async () => {
    const { ports, applications } = portsAt('2027-01-10T12:00:00Z');
    const winner = await submitApplication(portsAt('2027-01-10T12:00:00Z').ports, 'leeds', goodAnswers('amira@example.org'));
    applications.loseNextCreateTo = winner.application;
    const result = await submitApplication(ports, 'leeds', goodAnswers('amira@example.org', { jobTitle: 'Director' }));
    expect(result.outcome).toBe('updated');
    expect(result.application.applicationId).toBe(winner.application.applicationId);
  });

  it('refuses an unknown area, a window not open, and bad answers, storing and sending nothing', async () => {
    const early = portsAt('2027-01-04T08:59:00Z');
    await expect(submitApplication(early.ports, 'nowhere', goodAnswers('a@example.org'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitApplication(early.ports, 'leeds', goodAnswers('a@example.org'))).rejects.toMatchObject({ state: 'not-open-yet' });
    const late = portsAt('2027-02-01T17:00:00Z');
    await expect(submitApplication(late.ports, 'leeds', goodAnswers('a@example.org'))).rejects.toBeInstanceOf(RecruitmentNotOpenError);
    const open = portsAt('2027-01-10T12:00:00Z');
    await expect(submitApplication(open.ports, 'leeds', { fullName: 'A' })).rejects.toBeInstanceOf(ValidationError);
    expect([early, late, open].map(({ applications }) => applications.byApplicant.size)).toEqual([0, 0, 0]);
    expect([early, late, open].flatMap(({ outbox, delivery }) => [...outbox, ...delivery.sent])).toEqual([]);
  });
});

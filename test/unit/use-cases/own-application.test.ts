import { describe, expect, it } from 'vitest';
import { EmailLimitReachedError, RecruitmentNotOpenError, ValidationError } from '@pip/domain';
import { changeApplication } from '../../../functions/src/use-cases/recruitment/change-application';
import { openOwnApplication, type OpenOwnApplication } from '../../../functions/src/use-cases/recruitment/own-application';
import { submitApplication } from '../../../functions/src/use-cases/recruitment/submit-application';
import { goodAnswers } from '../../support/application-answers';
import { memoryPorts, type MemoryPorts } from '../../support/memory-ports';
import { LEEDS } from './fixtures';

/** Amira has applied to Leeds; her own link is in the email she was sent. */
async function applied(now = '2027-01-10T12:00:00.000Z'): Promise<{ ports: MemoryPorts; token: string }> {
  const ports = memoryPorts({ now, areas: [LEEDS] });
  await submitApplication(ports, 'leeds', goodAnswers('amira@example.org'));
  const token = /\/application\/([\w-]{43}(?:\.[\w-]+){0,2})/u.exec(ports.outbox.emails[0]!.text)![1]!;
  return { ports, token };
}

async function opened(ports: MemoryPorts, token: string): Promise<OpenOwnApplication> {
  const own = await openOwnApplication(ports, token);
  if (own.problem) throw new Error(`the link did not open: ${own.problem}`);
  return own;
}

describe('an applicant\'s own link', () => {
  it('opens their application while it lasts, and says why not otherwise, without saying what exists', async () => {
    const { ports, token } = await applied();
    const own = await opened(ports, token);
    expect(own).toMatchObject({ state: 'open', application: { answers: { email: 'amira@example.org', jobTitle: 'Assistant Chief Executive' } } });
    expect(await openOwnApplication(ports, 'x'.repeat(43))).toEqual({ problem: 'unknown' });
    expect(await openOwnApplication(ports, 'short')).toEqual({ problem: 'unknown' });
    const withdrawal = { purpose: 'withdraw', areaId: 'leeds', applicationId: own.application.applicationId, expiresAt: '2028-01-01T00:00:00Z' } as const;
    ports.emailedLinks.links.write('w'.repeat(43), withdrawal);
    expect(await openOwnApplication(ports, 'w'.repeat(43))).toEqual({ problem: 'unknown' });
    ports.clock.set('2027-02-05T09:00:00.000Z');
    expect(await opened(ports, token)).toMatchObject({ state: 'closed' });
    ports.clock.set('2027-02-22T17:00:00.000Z');
    expect(await openOwnApplication(ports, token)).toEqual({ problem: 'expired' });
  });

  it('changes the answers with an "updated" email carrying the same link and no answer but the name; the address stays', async () => {
    const { ports, token } = await applied();
    ports.clock.set('2027-01-12T09:00:00.000Z');
    const changed = goodAnswers('someone.else@example.org', { jobTitle: 'Director of Partnerships' });
    const result = await changeApplication(ports, await opened(ports, token), changed);
    expect(result).toMatchObject({ outcome: 'updated', application: { version: 2, answers: { email: 'amira@example.org', jobTitle: changed.jobTitle } } });
    expect(await ports.applications.findByApplicant('leeds', 'someone.else@example.org')).toBeUndefined();
    const updated = ports.outbox.emails[1]!;
    expect(updated).toMatchObject({ to: 'amira@example.org', messageId: `application-updated-${result.application.applicationId}-v2` });
    expect(updated.text).toContain(`https://pip.example/application/${token}`);
    expect(updated.text).not.toContain('Director of Partnerships');
    // Both the application's first email and the change's go from the table's stream once stored.
    expect(ports.outbox.goingOnInsert).toEqual(ports.outbox.emails.map((email) => email.messageId));
  });

  it('changes nothing and sends nothing for the same answers again', async () => {
    const { ports, token } = await applied();
    const before = ports.snapshot();
    expect((await changeApplication(ports, await opened(ports, token), goodAnswers('amira@example.org'))).outcome).toBe('unchanged');
    expect(ports.snapshot()).toEqual(before);
  });

  it('decides on the item itself when the copy it opened with is a moment old: the change lands once, and "the same answers" is never said of the copy', async () => {
    const { ports, token } = await applied();
    const stale = await opened(ports, token);
    // Another tab sent a change after this page's copy was read.
    const meanwhile = goodAnswers('amira@example.org', { jobTitle: 'Director of Partnerships' });
    await changeApplication(ports, await opened(ports, token), meanwhile);

    // The old answers again, posted from the page with the old copy: the same as the copy, not as the item.
    const back = await changeApplication(ports, stale, goodAnswers('amira@example.org'));
    expect(back).toMatchObject({ outcome: 'updated', application: { version: 3, answers: { jobTitle: 'Assistant Chief Executive' } } });
    // A change posted from the old copy the next day is written over the item as it stands, at its version.
    ports.clock.set('2027-01-11T12:00:00.000Z');
    const later = await changeApplication(ports, stale, goodAnswers('amira@example.org', { jobTitle: 'Chief Executive' }));
    expect(later).toMatchObject({ outcome: 'updated', application: { version: 4, answers: { jobTitle: 'Chief Executive' } } });
    expect(ports.outbox.emails.map((email) => email.messageId).filter((id) => id.startsWith('application-updated-'))).toHaveLength(3);
  });

  it('refuses bad answers, a change once applications have closed, and one past the day\'s emails, changing nothing', async () => {
    const { ports, token } = await applied();
    const before = ports.snapshot();
    const blank = goodAnswers('amira@example.org', { jobTitle: '' });
    await expect(changeApplication(ports, await opened(ports, token), blank)).rejects.toBeInstanceOf(ValidationError);
    const allowance = { address: 'amira@example.org', ukDay: '2027-01-10', limit: 3, forgetAfter: '2027-01-12T12:00:00Z' };
    const full = memoryPorts({ now: '2027-01-10T12:00:00.000Z', areas: [LEEDS] });
    await submitApplication(full, 'leeds', goodAnswers('amira@example.org'));
    await full.emailAllowances.take(allowance);
    await full.emailAllowances.take(allowance);
    const fullToken = /\/application\/([\w-]{43}(?:\.[\w-]+){0,2})/u.exec(full.outbox.emails[0]!.text)![1]!;
    const fullBefore = full.snapshot();
    await expect(changeApplication(full, await opened(full, fullToken), goodAnswers('amira@example.org', { jobTitle: 'Director' }))).rejects.toBeInstanceOf(
      EmailLimitReachedError,
    );
    expect(full.snapshot()).toEqual(fullBefore);
    const own = await opened(ports, token);
    ports.clock.set('2027-02-01T17:00:00.000Z');
    await expect(changeApplication(ports, own, goodAnswers('amira@example.org', { jobTitle: 'Director' }))).rejects.toBeInstanceOf(RecruitmentNotOpenError);
    expect(ports.snapshot()).toEqual(before);
  });
});

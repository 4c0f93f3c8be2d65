import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError, bookingAwaited, cancelRefusal, slotToBook, type ConsultancySessionState } from '@pip/domain';
import { evaluationReport } from '@pip/functions/use-cases/evaluation/evaluation-report';
import { markCommentPublishable } from '@pip/functions/use-cases/evaluation/mark-comment-publishable';
import { openEvaluation } from '@pip/functions/use-cases/evaluation/open-evaluation';
import { remindEvaluation } from '@pip/functions/use-cases/evaluation/remind-evaluation';
import { submitEvaluation } from '@pip/functions/use-cases/evaluation/submit-evaluation';
import { bookConsultancySession } from '@pip/functions/use-cases/progress-reviews/book-consultancy-session';
import { consultancyState } from '@pip/functions/use-cases/progress-reviews/consultancy-state';
import { LEADS, LEEDS, approvedLeeds, slot, COUNCIL_LEAD } from './fixtures';

const SAM = { staffId: 's-1', name: 'Sam Rivers' };
const answers = { materials: 'good', content: 'good', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'yes' };
const [council, voluntary] = LEADS;

async function openSurvey() {
  const ports = approvedLeeds('2027-07-01T12:00:00.000Z');
  await openEvaluation(ports, LEEDS.areaId);
  return ports;
}

describe('a round of reminders', () => {
  it('reminds each person who has not answered once per round, and records the round once', async () => {
    const ports = await openSurvey();
    await submitEvaluation(ports, LEEDS, council.applicationId, answers);
    const round = randomUUID();

    await remindEvaluation(ports, LEEDS.areaId, round, SAM);
    await remindEvaluation(ports, LEEDS.areaId, round, SAM);

    const reminders = ports.outbox.queued().filter((email) => email.messageId.startsWith('evaluation-reminder-round-'));
    expect(reminders.map((email) => email.to)).toEqual([voluntary.answers.email]);
    expect(ports.audit.entries.filter((entry) => entry.action === 'Reminder sent: evaluation')).toHaveLength(1);
    expect((await ports.reminders.latest(LEEDS.areaId)).evaluation?.reminded).toEqual([voluntary.answers.fullName]);
    // The reminder's link is stored with it, so it opens.
    expect([...ports.emailedLinks.links.values()].filter((link) => link.applicationId === voluntary.applicationId)).toHaveLength(2);

    await remindEvaluation(ports, LEEDS.areaId, randomUUID(), SAM);
    expect(ports.outbox.queued().filter((email) => email.messageId.startsWith('evaluation-reminder-round-'))).toHaveLength(2);
  });

  it('refuses a round id the confirmation page did not make, and one with nobody left to remind', async () => {
    const ports = await openSurvey();
    await expect(remindEvaluation(ports, LEEDS.areaId, 'guess', SAM)).rejects.toMatchObject({
      fieldErrors: [{ field: 'reminders-evaluation', message: expect.stringContaining('The reminder could not be sent from this page') }],
    });
    await submitEvaluation(ports, LEEDS, council.applicationId, answers);
    await submitEvaluation(ports, LEEDS, voluntary.applicationId, answers);
    await expect(remindEvaluation(ports, LEEDS.areaId, randomUUID(), SAM)).rejects.toBeInstanceOf(ConflictError);
    expect(ports.outbox.queued().filter((email) => email.messageId.startsWith('evaluation-reminder-round-'))).toEqual([]);
  });

  it('waits for a booking only while a session is unbooked and can be booked: session two once session one took place', () => {
    const booked = { status: 'booked' as const, heldAt: '2027-03-09T12:00:00.000Z' };
    expect(bookingAwaited([{ session: 1, booking: undefined }, { session: 2, booking: undefined }], 1)).toBe(true);
    expect(bookingAwaited([{ session: 1, booking: undefined }, { session: 2, booking: undefined }], 2)).toBe(false);
    const states = [{ session: 1 as const, booking: { ...booked } as never }, { session: 2 as const, booking: undefined }];
    expect(bookingAwaited(states, 1)).toBe(false);
    expect(bookingAwaited(states, 2)).toBe(true);
  });
});

describe('a session behind us', () => {
  const NOW = '2027-03-01T12:00:00.000Z';
  const state = async (now: string) => {
    const ports = approvedLeeds(NOW, [slot('tuesday', '2027-03-09T10:00:00.000Z'), slot('thursday', '2027-03-11T10:00:00.000Z')]);
    await bookConsultancySession(ports, await consultancyState(ports, LEEDS.areaId, 1), 'tuesday', COUNCIL_LEAD, undefined);
    ports.clock.set(now);
    return consultancyState(ports, LEEDS.areaId, 1);
  };

  it('cannot be cancelled, moved or booked again once its time has come, by a lead or by staff', async () => {
    const started: ConsultancySessionState = await state('2027-03-09T10:30:00.000Z');
    expect(started.past).toBe(true);
    expect(cancelRefusal(started, 'staff')).toBe('The time of session 1 has passed, so it can no longer be moved, cancelled or booked again.');
    expect(cancelRefusal(started, 'lead')).toBe(cancelRefusal(started, 'staff'));
    expect(slotToBook(started, 'thursday', 0)).toEqual({ refusal: 'session-past' });
  });

  it('may still be cancelled by staff inside the day before it, but not by a lead', async () => {
    const eve: ConsultancySessionState = await state('2027-03-08T20:00:00.000Z');
    expect(eve.past).toBe(false);
    expect(cancelRefusal(eve, 'staff')).toBeUndefined();
    expect(cancelRefusal(eve, 'lead')).toContain('less than a day before the session');
  });
});

describe('comments for publication', () => {
  const withComment = async () => {
    const ports = await openSurvey();
    await submitEvaluation(ports, LEEDS, council.applicationId, { ...answers, comments: 'Commissioning changed for us.' });
    return ports;
  };
  const choice = (version: number, publishable: 'yes' | 'no') => ({ applicationId: council.applicationId, version: String(version), publishable });
  const published = async (ports: Awaited<ReturnType<typeof withComment>>) =>
    (await evaluationReport(ports, { kind: 'region', regionId: LEEDS.regionId }, true)).publishableComments?.map((comment) => comment.text);

  it('appear in a published report once marked, with the area’s number and no name', async () => {
    const ports = await withComment();
    expect(await published(ports)).toEqual([]);
    await markCommentPublishable(ports, LEEDS.areaId, choice(1, 'yes'), SAM);
    const report = await evaluationReport(ports, { kind: 'region', regionId: LEEDS.regionId }, true);
    expect(report.publishableComments).toEqual([{ area: 'Area 1', text: 'Commissioning changed for us.' }]);
    expect(JSON.stringify(report)).not.toContain(council.answers.fullName);
    expect(ports.audit.entries.map((entry) => entry.action)).toContain('Evaluation comment marked publishable');
  });

  it('stay marked when the participant changes other answers, and not when they change the words', async () => {
    const ports = await withComment();
    await markCommentPublishable(ports, LEEDS.areaId, choice(1, 'yes'), SAM);
    await submitEvaluation(ports, LEEDS, council.applicationId, { ...answers, content: 'excellent', comments: 'Commissioning changed for us.' });
    expect(await published(ports)).toEqual(['Commissioning changed for us.']);
    await submitEvaluation(ports, LEEDS, council.applicationId, { ...answers, comments: 'Commissioning changed for us, and Jo Bloggs led it.' });
    expect(await published(ports)).toEqual([]);
  });

  it('are not marked from a page showing words the participant has since changed', async () => {
    const ports = await withComment();
    await submitEvaluation(ports, LEEDS, council.applicationId, { ...answers, comments: 'New words.' });
    await expect(markCommentPublishable(ports, LEEDS.areaId, choice(1, 'yes'), SAM)).rejects.toThrow('The comment changed since the page was shown');
    expect(await published(ports)).toEqual([]);
    expect(ports.audit.entries.filter((entry) => entry.action.startsWith('Evaluation comment'))).toEqual([]);
  });
});

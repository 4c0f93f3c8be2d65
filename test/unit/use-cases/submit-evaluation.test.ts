import { describe, expect, it } from 'vitest';
import { SurveyClosedError, ValidationError } from '@pip/domain';
import { openEvaluation } from '@pip/functions/use-cases/evaluation/open-evaluation';
import { submitEvaluation } from '@pip/functions/use-cases/evaluation/submit-evaluation';
import { recordWithdrawal } from '@pip/functions/use-cases/selection/record-withdrawal';
import { LEADS, LEEDS, approvedLeeds } from './fixtures';

const answers = { materials: 'good', content: 'excellent', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'partly' };
const reminderOf = (applicationId: string) => `evaluation-reminder-${LEEDS.areaId}-${applicationId}`;

async function openSurvey() {
  const ports = approvedLeeds('2027-07-01T12:00:00.000Z');
  await openEvaluation(ports, LEEDS.areaId);
  return ports;
}

describe('the evaluation', () => {
  it('opens once, inviting each participant once with a reminder held for later, however often it is opened', async () => {
    const ports = await openSurvey();
    await openEvaluation(ports, LEEDS.areaId);
    expect((await ports.evaluation.survey(LEEDS.areaId))?.invited).toBe(2);
    expect(ports.outbox.subjects().filter((subject) => subject.startsWith('How was the programme?'))).toHaveLength(2);
    expect(ports.outbox.queued().filter((email) => email.sendAfter === '2027-07-15T12:00:00.000Z')).toHaveLength(2);
    expect([...ports.emailedLinks.links.values()].map((link) => link.expiresAt)).toEqual(['2027-12-28T12:00:00.000Z', '2027-12-28T12:00:00.000Z']);
  });

  it('keeps one response per participant, replaced when they change it, and withdraws their reminder', async () => {
    const ports = await openSurvey();
    await submitEvaluation(ports, LEEDS, LEADS[0].applicationId, answers);
    const changed = await submitEvaluation(ports, LEEDS, LEADS[0].applicationId, { ...answers, content: 'good' });
    expect(changed.version).toBe(2);
    expect((await ports.evaluation.responses(LEEDS.areaId)).map((response) => response.answers.content)).toEqual(['good']);
    expect((await ports.outbox.get(reminderOf(LEADS[0].applicationId)))?.status).toBe('cancelled');
    expect((await ports.outbox.get(reminderOf(LEADS[1].applicationId)))?.status).toBe('pending');
  });

  it('refuses answers that need correcting before reading or writing anything', async () => {
    const ports = await openSurvey();
    await expect(submitEvaluation(ports, LEEDS, LEADS[0].applicationId, { materials: 'good' })).rejects.toThrow(ValidationError);
    expect(await ports.evaluation.responses(LEEDS.areaId)).toEqual([]);
  });

  it('refuses a submission after the survey closed: responses stay as they were and the reminder is left alone', async () => {
    const ports = await openSurvey();
    await submitEvaluation(ports, LEEDS, LEADS[0].applicationId, answers);
    await ports.evaluation.close(LEEDS.areaId, '2027-07-20T12:00:00.000Z');
    const before = await ports.evaluation.responses(LEEDS.areaId);

    await expect(submitEvaluation(ports, LEEDS, LEADS[1].applicationId, answers)).rejects.toThrow(SurveyClosedError);
    await expect(submitEvaluation(ports, LEEDS, LEADS[0].applicationId, { ...answers, content: 'poor' })).rejects.toThrow(SurveyClosedError);

    expect(await ports.evaluation.responses(LEEDS.areaId)).toEqual(before);
    expect((await ports.outbox.get(reminderOf(LEADS[1].applicationId)))?.status).toBe('pending');
  });

  it('withdraws the reminder of a participant who leaves the group, and leaves the others', async () => {
    const ports = await openSurvey();
    await recordWithdrawal(ports, LEEDS.areaId, LEADS[0].applicationId, { name: 'Sam Rivers' });
    expect((await ports.outbox.get(reminderOf(LEADS[0].applicationId)))?.status).toBe('cancelled');
    expect((await ports.outbox.get(reminderOf(LEADS[1].applicationId)))?.status).toBe('pending');
  });
});

import { describe, expect, it } from 'vitest';
import { SurveyClosedError, ValidationError } from '@pip/domain';
import { openEvaluation } from '@pip/functions/use-cases/open-evaluation';
import { submitEvaluation } from '@pip/functions/use-cases/submit-evaluation';
import { AREA, LEADS, consultancyInMemory } from './consultancy-fakes';

const answers = { materials: 'good', content: 'excellent', facilitation: 'good', knowledgeIncreased: 'yes', abilityIncreased: 'yes', metExpectations: 'partly' };
const reminderOf = (applicationId: string) => `evaluation-reminder-${AREA.areaId}-${applicationId}`;

async function openSurvey() {
  const memory = consultancyInMemory({ now: '2027-07-01T12:00:00.000Z' });
  await openEvaluation(memory.ports, AREA.areaId);
  return memory;
}

describe('the evaluation', () => {
  it('opens once, inviting each participant once with a reminder held for later, however often it is opened', async () => {
    const memory = await openSurvey();
    await openEvaluation(memory.ports, AREA.areaId);
    expect(memory.evaluation.survey?.invited).toBe(2);
    expect(memory.subjects().filter((subject) => subject.startsWith('How was the programme?'))).toHaveLength(2);
    expect([...memory.queued.values()].filter((email) => email.sendAfter === '2027-07-15T12:00:00.000Z')).toHaveLength(2);
    expect([...memory.links.values()].map((link) => link.link.expiresAt)).toEqual(['2027-12-28T12:00:00.000Z', '2027-12-28T12:00:00.000Z']);
  });

  it('keeps one response per participant, replaced when they change it, and withdraws their reminder', async () => {
    const memory = await openSurvey();
    await submitEvaluation(memory.ports, AREA, LEADS[0].applicationId, answers);
    const changed = await submitEvaluation(memory.ports, AREA, LEADS[0].applicationId, { ...answers, content: 'good' });
    expect(changed.version).toBe(2);
    expect(memory.evaluation.responses.map((response) => response.answers.content)).toEqual(['good']);
    expect(memory.queued.has(reminderOf(LEADS[0].applicationId))).toBe(false);
    expect(memory.queued.has(reminderOf(LEADS[1].applicationId))).toBe(true);
  });

  it('refuses answers that need correcting before reading or writing anything', async () => {
    const memory = await openSurvey();
    await expect(submitEvaluation(memory.ports, AREA, LEADS[0].applicationId, { materials: 'good' })).rejects.toThrow(ValidationError);
    expect(memory.evaluation.responses).toEqual([]);
  });

  it('refuses a submission after the survey closed: responses stay as they were and the reminder is left alone', async () => {
    const memory = await openSurvey();
    await submitEvaluation(memory.ports, AREA, LEADS[0].applicationId, answers);
    await memory.ports.evaluation.close(AREA.areaId, '2027-07-20T12:00:00.000Z');
    const before = structuredClone(memory.evaluation.responses);

    await expect(submitEvaluation(memory.ports, AREA, LEADS[1].applicationId, answers)).rejects.toThrow(SurveyClosedError);
    await expect(submitEvaluation(memory.ports, AREA, LEADS[0].applicationId, { ...answers, content: 'poor' })).rejects.toThrow(SurveyClosedError);

    expect(memory.evaluation.responses).toEqual(before);
    expect(memory.queued.has(reminderOf(LEADS[1].applicationId))).toBe(true);
  });
});

import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { platformFunctions } from '@pip/functions/routes';
import { synthesizedWorkflow } from '@pip/infra/synthesized-workflow';
import { staffSteps, workflowSteps } from '@pip/domain';

describe('the area workflow definition', () => {
  const { definition, functionOfTask } = synthesizedWorkflow();

  it('is what the local platform runs, taken from its kept copy or synthesized afresh', async () => {
    const { workflowDefinition } = await import('../../infra/local/src/workflow-definition');
    expect(await workflowDefinition()).toEqual({ definition, functionOfTask });
    // Kept: a second start reads it back unchanged.
    expect(await workflowDefinition()).toEqual({ definition, functionOfTask });
  });

  it('is valid Amazon States Language', async () => {
    const { isValid, errorsText } = await aslValidator(definition);
    expect(isValid, errorsText()).toBe(true);
  });

  it('maps every task state to a platform function and a known step', () => {
    const names = new Set<string>(platformFunctions.map((fn) => fn.name));
    const tasks = Object.entries(definition.States).filter(([, state]) => state.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(10);
    for (const [name, state] of tasks) {
      expect(names.has(functionOfTask[name]!), `${name} invokes ${functionOfTask[name]}`).toBe(true);
      const payload = ((state.Parameters as { Payload?: Record<string, unknown> }).Payload ?? state.Parameters) as Record<string, unknown>;
      expect(workflowSteps).toContain(payload.step);
      if (payload.step === 'await-staff') {
        expect(Object.keys(staffSteps)).toContain(payload.staffStep);
        expect(state.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
        // The local runner resumes after these with the input unchanged, as AWS does with ResultPath null.
        expect(state.ResultPath).toBeNull();
      }
    }
  });

  it('waits on timestamps, retries and alerts staff when a step fails', () => {
    const waits = Object.values(definition.States).filter((state) => state.Type === 'Wait');
    expect(waits.map((state) => state.TimestampPath)).toEqual(['$.recruitmentCheckAt', '$.deliveryEndsAt']);
    const steps = Object.values(definition.States).filter((state) => state.Type === 'Task' && state.Resource !== 'arn:aws:states:::lambda:invoke.waitForTaskToken');
    for (const state of steps.filter((state) => !JSON.stringify(state.Parameters).includes('record-failure'))) {
      expect(JSON.stringify(state.Retry)).toContain('States.TaskFailed');
      expect(JSON.stringify(state.Catch)).toContain('Record failure and alert staff');
    }
  });

  it('looks at the recruitment window again after each wait, and waits again while applications are open', () => {
    const states = definition.States as Record<string, { Type: string; Next?: string; Choices?: { Variable?: string; BooleanEquals?: boolean; Next: string }[]; Default?: string }>;
    expect(states['Wait until recruitment closes']?.Next).toBe('Check recruitment has closed');
    expect(states['Check recruitment has closed']?.Next).toBe('Recruitment closed?');
    const choice = states['Recruitment closed?']!;
    expect(choice.Choices).toEqual([expect.objectContaining({ Variable: '$.recruitmentOver', BooleanEquals: false, Next: 'Wait until recruitment closes' })]);
    expect(choice.Default).toBe('Propose selection');
  });
});

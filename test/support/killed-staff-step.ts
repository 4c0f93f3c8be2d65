import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY } from '@pip/domain';
import { localStaff, type RunningPlatform } from '@pip/local';
import { DynamoAreaProgressStore, DynamoStaffStepStore, createDocumentClient, keys } from '@pip/storage';
import { localWorkflowCounts } from '../../infra/local/src/local-area-workflow';
import { startTestPlatform } from './platform';
import { apply, openArea } from './programme-data';
import { approvePair, staffSession } from './staff-session';

const STAFF_STATE = 'Await approval of the selection';

function storesOn(running: RunningPlatform, areaId: string) {
  const documents = createDocumentClient({ endpoint: running.dynamoEndpoint, region: 'eu-west-2' });
  return {
    documents,
    progress: new DynamoAreaProgressStore(documents, running.tableName),
    staffSteps: new DynamoStaffStepStore(documents, running.tableName),
    execution: async () => (await documents.send(new GetCommand({ TableName: running.tableName, Key: keys.localExecution(areaId), ConsistentRead: true }))).Item,
  };
}

/**
 * The local platform killed between saving a staff step's token and recording that the step's function
 * (which holds the token where staff use it) returned, before or after that function ran: the restarted
 * platform runs the function again with the same token, so the area is never left waiting for a token
 * nobody received. One case a file: a process's handlers keep the first platform's table and sign-in.
 */
export function describeKilledStaffStep(functionRan: boolean): void {
  const AREA = `killed-${functionRan ? 'after' : 'before'}-step`;
  const tableName = `pip-killed-${randomUUID().slice(0, 8)}`;
  const runTask = localWorkflowCounts.aroundTask;
  let platform: RunningPlatform | undefined;

  afterAll(async () => {
    localWorkflowCounts.aroundTask = runTask;
    await platform?.stop();
  });

  describe(`the local workflow killed at a staff step ${functionRan ? 'after' : 'before'} its function ran`, () => {
    it('runs the step again on restart, with its token, and goes on when staff act', async () => {
      platform = await startTestPlatform({ workflow: true, tableName });
      await openArea(platform, AREA, `Killed ${functionRan ? 'After' : 'Before'} Step`, 'east-midlands');
      const council = await apply(platform, AREA, 'killed-la', { fullName: 'Council Person' });
      const voluntary = await apply(platform, AREA, 'killed-vcs', {
        fullName: 'Voluntary Person',
        sector: 'voluntary-community',
        organisationKind: 'front-line-organisation',
      });
      await platform.workflow!.start(AREA);
      await platform.workflow!.idle(AREA);

      // The process dies once the staff step's token is saved: the invocation never returns.
      const first = storesOn(platform, AREA);
      let killed!: () => void;
      const reachedStaffStep = new Promise<void>((resolve) => (killed = resolve));
      localWorkflowCounts.aroundTask = async (run) => {
        const execution = await first.execution();
        if (execution?.stateName !== STAFF_STATE) return run();
        if (functionRan) await run();
        killed();
        return new Promise<never>(() => undefined);
      };
      void platform.workflow!.advanceClock(2 * DAY);
      await reachedStaffStep;
      const saved = await first.execution();
      expect(saved).toMatchObject({ status: 'running', stateName: STAFF_STATE });
      expect((await first.staffSteps.heldToken(AREA, 'selection-approval')) !== undefined).toBe(functionRan);
      first.documents.destroy();
      await platform.stop();
      localWorkflowCounts.aroundTask = runTask;

      // Restarted: the step whose function may not have run is run again, with the token saved.
      platform = await startTestPlatform({ workflow: true, tableName });
      const second = storesOn(platform, AREA);
      await platform.workflow!.idle(AREA);
      expect(await second.staffSteps.heldToken(AREA, 'selection-approval')).toBeDefined();
      expect(await second.execution()).toMatchObject({ status: 'awaiting-staff', stateName: STAFF_STATE, token: saved?.token });

      const approval = await approvePair(staffSession(platform, localStaff[0]), AREA, council, voluntary);
      expect(approval.status).toBe(303);
      await platform.workflow!.idle(AREA);
      expect((await second.progress.get(AREA))?.stage).toBe('preparation');
      second.documents.destroy();
    });
  });
}

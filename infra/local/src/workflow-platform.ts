import { useLocalWorkflow } from '@pip/functions/composition-root';
import { DynamoAreaStore, createDocumentClient } from '@pip/storage';
import { loadHandler } from './http-server';
import { LocalAreaWorkflow } from './local-area-workflow';
import { workflowDefinition } from './workflow-definition';
import { advancePlatformClock, platformClockOffset } from './platform-clock';

export interface LocalWorkflowHandle {
  /** Starts an area's execution, as the start-area-workflows function would. */
  start(areaId: string): Promise<void>;
  /** Resolves when nothing is running for the area: for tests, before they look. */
  idle(areaId: string): Promise<void>;
  /** Moves the platform clock forward, then ends every wait that is now over. */
  advanceClock(milliseconds: number): Promise<void>;
  /** How far the platform clock is ahead of this machine's. */
  clockOffset(): number;
  stop(): Promise<void>;
}

const TICK_MS = 2000;

/**
 * The area workflow on this machine: the definition synthesized from the CDK stack, run by
 * aws-local-stepfunctions, each task state mapped to the same handler as in AWS.
 */
export interface LocalWorkflowOptions {
  /**
   * Tick every two seconds, reading every area, so that waits end as the machine's time passes
   * (`pnpm start`). False when whoever runs the platform moves its clock itself and ticks after each
   * move (`advanceClock`), as the simulation does: there only a move of the clock makes a wait due.
   */
  timer?: boolean;
}

export async function startLocalWorkflow(endpoint: string, tableName: string, region: string, options: LocalWorkflowOptions = {}): Promise<LocalWorkflowHandle> {
  // Loaded only when the workflow runs: synthesizing the stack brings in the whole CDK library.
  const { definition, functionOfTask } = await workflowDefinition();
  const documents = createDocumentClient({ endpoint, region });
  const areas = new DynamoAreaStore(documents, tableName);
  const workflow = new LocalAreaWorkflow({
    definition: definition as never,
    functionOfTask,
    invoke: async (functionName, payload) => (await loadHandler<(payload: unknown) => Promise<unknown>>(functionName))(payload),
    documents,
    tableName,
    now: () => new Date(Date.now() + platformClockOffset()),
  });
  // Handlers call these from inside a running step, so they must not wait for the area's queue.
  useLocalWorkflow({
    start: async (areaId) => void workflow.start(areaId),
    continue: async (token) => void workflow.continue(token),
    restart: async (areaId, attempt) => void workflow.restart(areaId, attempt),
  });
  const areaIds = async () => (await areas.list()).map((area) => area.areaId);
  await workflow.resume(await areaIds());
  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      await workflow.tick(await areaIds());
    } finally {
      ticking = false;
    }
  };
  const timer = options.timer === false ? undefined : setInterval(() => void tick().catch((error: unknown) => console.error('Local workflow tick failed', error)), TICK_MS);
  return {
    start: (areaId) => workflow.start(areaId),
    idle: (areaId) => workflow.idle(areaId),
    advanceClock: async (milliseconds) => {
      await advancePlatformClock(documents, tableName, milliseconds);
      await workflow.tick(await areaIds());
    },
    clockOffset: platformClockOffset,
    stop: async () => {
      clearInterval(timer);
      workflow.stop();
      useLocalWorkflow(undefined);
      documents.destroy();
    },
  };
}

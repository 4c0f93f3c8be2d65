import { platformPorts } from '../composition-root';
import { observedFunction } from '../kit/observe';
import { startAreaWorkflows } from '../use-cases/delivery/start-area-workflows';

/** Runs every few minutes: each area whose recruitment has opened gets its one workflow execution. */
export const handler = observedFunction((): Promise<{ started: number }> => startAreaWorkflows(platformPorts()));

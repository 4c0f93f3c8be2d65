import { platformPorts } from '../composition-root';
import { startAreaWorkflows } from '../use-cases/delivery/start-area-workflows';

/** Runs every few minutes: each area whose recruitment has opened gets its one workflow execution. */
export const handler = (): Promise<{ started: number }> => startAreaWorkflows(platformPorts());

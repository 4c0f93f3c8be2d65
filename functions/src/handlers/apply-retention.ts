import { platformPorts } from '../composition-root';
import { observedFunction } from '../kit/observe';
import { applyRetention, type RetentionCounts } from '../use-cases/retention/apply-retention';

/**
 * Runs once a day: removes or redacts what the retention schedule says is due by now (emails'
 * wording, expired links, unreachable addresses, nominations nobody followed up, and applications
 * past their period), and counts it in each area's timeline.
 */
export const handler = observedFunction((): Promise<RetentionCounts> => applyRetention(platformPorts()));

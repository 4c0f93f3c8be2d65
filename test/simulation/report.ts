import type { RunResult } from './simulate';

/** The run's summary as printed: what was played, what was injected, and each invariant with its count. */
export function summary(result: RunResult): string {
  const lines = [
    `Plan digest ${result.digest}: ${result.areas} areas, ${result.actors} actors, ${result.actions} actions (${result.skipped} could not apply as things stood)`,
    `Requests ${result.requests} (${result.interrupted} cut by a restart), emails received ${result.emails}, calendar events to come compared ${result.calendarEvents}`,
    `Faults injected: ${Object.entries(result.faults).map(([fault, count]) => `${fault} ${count}`).join(', ') || 'none'}; platform restarts ${result.restarts}`,
    'Invariants:',
    ...result.invariants.map((invariant) => `  ${invariant.violations.length === 0 ? 'held  ' : 'FAILED'} ${invariant.name}: ${invariant.checked} checked${invariant.violations.length ? `, ${invariant.violations.length} broken` : ''}${invariant.allowed ? ` (${invariant.allowed.count} ${invariant.allowed.why})` : ''}`),
    ...result.invariants.flatMap((invariant) => invariant.violations.slice(0, 5).map((violation) => `    ${violation.invariant}: ${violation.detail}`)),
    ...(result.errors.length ? [`Actions that threw (${result.errors.length}):`, ...result.errors.slice(0, 10).map((error) => `  step ${error.step} ${error.action}: ${error.error}`)] : []),
    `Time taken ${result.seconds.toFixed(1)} s, of which:`,
    ...result.profile.map((line) => `  ${line}`),
  ];
  return lines.join('\n');
}

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Injection } from './mailbox';
import { digestOf, type Action, type Plan } from './plan';
import type { Violation } from './invariants';

/** What a replay is given: the plan to play (any subset of a drawn one), and the checker's own fault, if any. */
export interface Replay {
  plan: Plan;
  inject?: Injection;
}

/** What a replay leaves behind for the process that asked for it. */
export interface ReplayOutcome {
  violations: Violation[];
  seconds: number;
}

export interface ShrinkOptions {
  /** Emulators to share with every replay (each replay makes a table of its own). */
  services: { dynamoEndpoint: string; sesEndpoint: string };
  inject?: Injection;
  /** At most this many replays in all. */
  tries: number;
  log: (line: string) => void;
}

export interface ShrinkResult {
  plan: Plan;
  replays: number;
}

const CLI = join(import.meta.dirname, 'cli.ts');

/**
 * Plays a plan in a process of its own (the platform's ports are cached per process, for its first
 * table, so a second run in this one would not start afresh) and says whether it broke `invariant`.
 */
export async function replayFails(replay: Replay, invariant: string, services: ShrinkOptions['services']): Promise<boolean> {
  const file = join(mkdtempSync(join(tmpdir(), 'pip-replay-')), 'replay.json');
  writeFileSync(file, JSON.stringify(replay));
  let errors = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--replay', file, '--dynamo-endpoint', services.dynamoEndpoint, '--ses-endpoint', services.sesEndpoint], {
      cwd: join(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Kept to show only when the replay could not finish (every child would otherwise repeat the SDK's warning about Node's version).
    child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  let outcome: ReplayOutcome;
  try {
    outcome = JSON.parse(readFileSync(`${file}.result.json`, 'utf8')) as ReplayOutcome;
  } catch {
    // A replay that could not finish tells nothing about the invariant: not the same failure.
    process.stderr.write(`A replay ended (exit code ${code}) without a result:\n${errors}\n`);
    return false;
  }
  return code !== null && outcome.violations.some((violation) => violation.invariant === invariant);
}

function withActions(plan: Plan, actions: readonly Action[]): Plan {
  const used = new Set(actions.flatMap((action) => ('area' in action ? [action.area] : [])));
  const areas = plan.areas.filter((area) => used.has(area.index));
  return { ...plan, areas, actions: [...actions], digest: digestOf(areas, actions) };
}

/**
 * The shortest trace that still breaks the same invariant, found by re-running: first with fewer
 * areas (those the violations named, then each area alone), then delta debugging over the actions
 * (Zeller's ddmin: drop a chunk, keep the smaller plan if it still fails, split finer when none can go).
 * Every try is a whole run in a fresh process, so the budget of tries bounds the time.
 */
export async function shrink(plan: Plan, violations: readonly Violation[], options: ShrinkOptions): Promise<ShrinkResult> {
  const invariant = violations[0]!.invariant;
  let replays = 0;
  const fails = async (candidate: Plan): Promise<boolean> => {
    if (replays >= options.tries) return false;
    replays += 1;
    const failed = await replayFails({ plan: candidate, ...(options.inject ? { inject: options.inject } : {}) }, invariant, options.services);
    options.log(`  try ${replays}: ${candidate.areas.length} areas, ${candidate.actions.length} actions: ${failed ? `still breaks ${invariant}` : 'holds'}`);
    return failed;
  };

  let smallest = plan;
  // Fewer areas: the areas the violations named, together, then each alone.
  const named = [...new Set(violations.filter((violation) => violation.invariant === invariant).map((violation) => violation.area))];
  if (!named.includes(undefined) && named.length < plan.areas.length) {
    const candidate = withActions(plan, plan.actions.filter((action) => !('area' in action) || named.includes(action.area)));
    if (await fails(candidate)) smallest = candidate;
  }
  if (smallest.areas.length > 1) {
    for (const area of smallest.areas) {
      const candidate = withActions(smallest, smallest.actions.filter((action) => !('area' in action) || action.area === area.index));
      if (await fails(candidate)) {
        smallest = candidate;
        break;
      }
    }
  }

  // Fewer actions: ddmin over what is left.
  let actions = smallest.actions;
  let chunks = 2;
  while (actions.length >= 2 && replays < options.tries) {
    const size = Math.ceil(actions.length / chunks);
    let reduced = false;
    for (let start = 0; start < actions.length && replays < options.tries; start += size) {
      const complement = [...actions.slice(0, start), ...actions.slice(start + size)];
      const candidate = withActions(smallest, complement);
      if (complement.length > 0 && (await fails(candidate))) {
        actions = complement;
        smallest = candidate;
        chunks = Math.max(chunks - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (chunks >= actions.length) break;
      chunks = Math.min(actions.length, chunks * 2);
    }
  }
  return { plan: smallest, replays };
}

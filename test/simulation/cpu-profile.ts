import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `tsx test/simulation/cpu-profile.ts <dir or .cpuprofile>...`: where a process's CPU went, from the V8
 * profiles `node --cpu-prof` writes (the simulation's platform processes write them with
 * PIP_CPU_PROF_DIR set). Self time by module (package or workspace folder) and by function, the
 * busiest first, so a slow run says whether its time is the platform's code, the SDK, or parsing.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** A package by its name in node_modules; the workspace by its folder; Node's own code as "node:". */
export function moduleOf(url: string): string {
  if (!url) return '(native or V8)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const inModules = url.split('/node_modules/').at(-1);
  if (url.includes('/node_modules/') && inModules) {
    const parts = inModules.split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const workspace = /\/work\/main\/((?:packages|functions|infra|test)\/[^/]+)/u.exec(url);
  return workspace ? workspace[1]! : url;
}

export interface SelfTimes {
  totalMs: number;
  idleMs: number;
  byModule: Map<string, number>;
  byFunction: Map<string, number>;
  /** Each sample given to the nearest function of this repository's own code on its stack (who asked for the work). */
  byOwnCaller: Map<string, number>;
}

export function selfTimes(profiles: CpuProfile[]): SelfTimes {
  const times: SelfTimes = { totalMs: 0, idleMs: 0, byModule: new Map(), byFunction: new Map(), byOwnCaller: new Map() };
  const own = (url: string) => url.startsWith('file:///work/main/') && !url.includes('/node_modules/');
  const nameOf = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
    `${functionName || '(anonymous)'} ${url.replace(/^.*\/node_modules\//u, '').replace('file:///work/main/', '')}:${lineNumber + 1}`;
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parents = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
    const ownCaller = (id: number): string => {
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) if (own(nodes.get(at)!.callFrame.url)) return nameOf(nodes.get(at)!.callFrame);
      return '(no own code on the stack)';
    };
    profile.samples.forEach((id, index) => {
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      if (functionName === '(idle)') return void (times.idleMs += ms);
      times.totalMs += ms;
      add(times.byModule, functionName.startsWith('(') ? functionName : moduleOf(url), ms);
      add(times.byFunction, nameOf({ functionName, url, lineNumber }), ms);
      add(times.byOwnCaller, ownCaller(id), ms);
    });
  }
  return times;
}

function top(map: Map<string, number>, total: number, count: number): string[] {
  return [...map.entries()]
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([key, ms]) => `${(ms / 1000).toFixed(1).padStart(7)} s ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2).flatMap((path) => (statSync(path).isDirectory() ? readdirSync(path).filter((name) => name.endsWith('.cpuprofile')).map((name) => join(path, name)) : [path]));
  const times = selfTimes(files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
  console.log(`${files.length} profiles: ${(times.totalMs / 1000).toFixed(1)} s busy, ${(times.idleMs / 1000).toFixed(1)} s idle`);
  console.log('\nSelf time by module:');
  for (const line of top(times.byModule, times.totalMs, 25)) console.log(line);
  console.log('\nSelf time by function:');
  for (const line of top(times.byFunction, times.totalMs, 40)) console.log(line);
  console.log("\nBy the nearest function of the repository's own code on the stack:");
  for (const line of top(times.byOwnCaller, times.totalMs, 40)) console.log(line);
}

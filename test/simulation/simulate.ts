import { randomUUID } from 'node:crypto';
import { Browsers } from './browser';
import { Invariants, type InvariantResult, type Violation } from './invariants';
import { Mailbox, type Injection } from './mailbox';
import type { Action, Plan } from './plan';
import { Profile } from './profile';
import { SimPlatform, type SimPlatformOptions } from './sim-platform';
import { World } from './world';

const DAY = 86_400_000;
/** Far enough past the last action for every retention date (the longest is a year after the follow-up review). */
const RETENTION_JUMP_DAYS = 800;
/** Actions after which someone's calendar should change: the area's calendars are checked once the emails can have arrived. */
const CALENDAR_CHANGES = new Set<Action['kind']>(['visit-and-schedule', 'move-workshop', 'withdraw', 'answer-offers', 'book-session', 'move-session', 'cancel-session', 'confirm-follow-up', 'learning-event']);
const BOOKING_CHANGES = new Set<Action['kind']>(['book-session', 'move-session', 'cancel-session']);

export interface RunResult {
  digest: string;
  areas: number;
  actors: number;
  actions: number;
  skipped: number;
  requests: number;
  interrupted: number;
  emails: number;
  /** Events still to come that the calendar checks compared. */
  calendarEvents: number;
  faults: Record<string, number>;
  restarts: number;
  invariants: InvariantResult[];
  errors: { step: number; action: string; error: string }[];
  seconds: number;
  /** Where the time went, slowest part first. */
  profile: string[];
}

export const violationsOf = (result: RunResult): Violation[] => result.invariants.flatMap((invariant) => invariant.violations);

/** Plays a plan against a freshly started local platform and checks every invariant along the way and at the end. */
export async function runPlan(plan: Plan, services: SimPlatformOptions = {}, log: (line: string) => void = () => undefined, inject?: Injection): Promise<RunResult> {
  const began = Date.now();
  const profile = new Profile();
  const platform = await profile.time('start platform', () => SimPlatform.start(services));
  platform.profile = profile;
  const nonce = randomUUID().slice(0, 6);
  const browsers = new Browsers(platform);
  let world: World | undefined;
  const mail = new Mailbox(platform, (to, subject) => to.endsWith(`.${nonce}@sim.example.org`) || (world?.areas.some((area) => subject.includes(area.name)) ?? false), inject);
  world = new World(plan, nonce, platform, browsers, mail);
  const invariants = new Invariants(platform, world, mail, browsers);
  const faults: Record<string, number> = {};
  const errors: RunResult['errors'] = [];
  let skipped = 0;
  let restartDuringNext: { when: 'request' | 'clock'; afterMs: number } | undefined;
  /** The kill at the moment the plan drew for it (the same seed, the same moment into the request or the move). */
  const restartSoon = (afterMs: number) => new Promise<void>((resolve) => setTimeout(resolve, afterMs)).then(() => platform.restart());

  const afterTime = () => profile.time('clock: timed functions', () => platform.runDueTimed());
  /** Areas whose calendars changed and are not yet checked. */
  const calendarsToCheck = new Set<number>();
  const checkCalendars = async () => {
    // Only with email up: while it is away the files wait in the outbox, and the check waits with them.
    if (!['up', 'slow'].includes(platform.proxy.mode())) return;
    for (const index of calendarsToCheck) {
      const area = world.areas.find((candidate) => candidate.plan.index === index);
      if (area) await invariants.schedule.calendarsMatch(area);
    }
    calendarsToCheck.clear();
  };

  try {
    for (const [step, action] of plan.actions.entries()) {
      browsers.step = step;
      try {
        const at = platform.dayStart(action.day);
        if (at > platform.now()) {
          await profile.time('mail: refresh', () => mail.refresh());
          const moving = profile.time('clock: advance and tick', () => platform.advanceTo(at, world.areaIds())).then(afterTime);
          if (restartDuringNext?.when === 'clock') {
            await Promise.all([moving, restartSoon(restartDuringNext.afterMs)]);
            restartDuringNext = undefined;
          } else await moving;
          await profile.time('clock: idle', () => platform.idle(world.areaIds()));
          if (calendarsToCheck.size > 0) {
            await profile.time('mail: refresh', () => mail.refresh());
            await profile.time('check: calendars', checkCalendars);
          }
        }
        if (action.kind === 'fault') {
          faults[action.fault] = (faults[action.fault] ?? 0) + 1;
          await profile.time(`fault: ${action.fault}`, () => injectFault(platform, action, (next) => (restartDuringNext = next)));
          continue;
        }
        const performing = profile.time(`action: ${action.kind}`, () => world.perform(action));
        const [done] = restartDuringNext?.when === 'request' ? await Promise.all([performing, restartSoon(restartDuringNext.afterMs)]) : [await performing];
        if (restartDuringNext?.when === 'request') restartDuringNext = undefined;
        if (done && CALENDAR_CHANGES.has(action.kind) && 'area' in action) {
          const region = world.areas.find((area) => area.plan.index === action.area)?.plan.regionId;
          // A learning event is every participant's of the region.
          for (const area of world.areas) if (area.plan.index === action.area || (action.kind === 'learning-event' && area.plan.regionId === region)) calendarsToCheck.add(area.plan.index);
        }
        if (BOOKING_CHANGES.has(action.kind) && 'area' in action) {
          const area = world.areas.find((candidate) => candidate.plan.index === action.area);
          if (area) await profile.time('check: slots', () => invariants.schedule.slotsBookedOnce(area));
        }
        if (!done) {
          skipped += 1;
          if (process.env.SIMULATION_VERBOSE) log(`  could not apply: ${describe(action)}`);
        }
        await profile.time('mail: refresh', () => mail.refresh());
      } catch (error) {
        errors.push({ step, action: describe(action), error: error instanceof Error ? error.message : String(error) });
      }
      if (step % 50 === 0) log(`  step ${step}/${plan.actions.length}, day ${action.day}, ${browsers.responses.length} requests, ${mail.emails.length} emails`);
    }

    // Email back for good: delivery runs until nothing due is left (its retries wait at most four hours).
    platform.proxy.setMode('up');
    await profile.time('end: final delivery', async () => {
      // A platform killed mid-send left its claim: the email is taken up again once the claim lapses.
      await platform.claimsLapsed();
      for (let pass = 0; pass < 3; pass += 1) {
        await platform.advanceTo(platform.now() + 5 * 3_600_000, world.areaIds());
        // All that is due, a restart's approval left part-way included.
        await platform.runDueTimed();
        await platform.runTimed('deliver-emails');
      }
      await mail.refresh();
    });
    // Calendars changed since the last move of the clock (a region's learning event is still to come).
    await profile.time('check: calendars', checkCalendars);
    const checking = performance.now();
    invariants.oneOutcomeEach();
    invariants.oncePerEvent();
    invariants.noReminderAfterItsEvent();
    await invariants.attendanceUnchanged();
    await invariants.reportFigures();
    await invariants.areasEndOrWait();
    for (const area of world.areas) await invariants.schedule.slotsBookedOnce(area);
    await invariants.dueEmailsSent();
    // Then far past every retention date, as the daily pass would find it.
    await platform.advanceTo(platform.now() + RETENTION_JUMP_DAYS * DAY, world.areaIds());
    await platform.runTimed('apply-retention');
    await invariants.noPersonalDataPastRetention();
    invariants.noServerErrors();
    await mail.refresh();
    profile.add('end: invariants and retention', performance.now() - checking);
  } finally {
    await profile.time('stop platform', () => platform.stop());
  }
  return {
    digest: plan.digest,
    areas: plan.areas.length,
    actors: world.areas.reduce((sum, area) => sum + area.people.length, 0) + 3,
    actions: plan.actions.length,
    skipped,
    requests: browsers.responses.length,
    interrupted: browsers.responses.filter((response) => response.status === 'interrupted').length,
    emails: mail.emails.length,
    calendarEvents: invariants.schedule.eventsCompared,
    faults,
    restarts: platform.restarts,
    invariants: invariants.all(),
    errors,
    seconds: (Date.now() - began) / 1000,
    profile: profile.lines(),
  };
}

async function injectFault(platform: SimPlatform, action: Extract<Action, { kind: 'fault' }>, restartDuring: (next: { when: 'request' | 'clock'; afterMs: number }) => void): Promise<void> {
  switch (action.fault) {
    case 'ses-down':
      return platform.proxy.setMode('down');
    case 'ses-slow':
      return platform.proxy.setMode('slow');
    case 'ses-refusing':
      return platform.proxy.setMode('refusing');
    case 'ses-up':
      platform.proxy.setMode('up');
      return platform.runTimed('deliver-emails');
    case 'restart':
      // A plan written before the moment was drawn (a replay file) kills 30 ms in, as then.
      if (action.during === 1) return restartDuring({ when: 'request', afterMs: action.afterMs ?? 30 });
      if (action.during === 2) return restartDuring({ when: 'clock', afterMs: action.afterMs ?? 30 });
      return platform.restart();
  }
}

export function describe(action: Action): string {
  const { day, kind, ...rest } = action;
  return `day ${day}: ${kind} ${JSON.stringify(rest)}`;
}

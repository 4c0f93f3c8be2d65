import { hashText, seededRandom, type Random } from './prng';

/**
 * The whole run as data, drawn from the seed before anything starts: every area's days, every
 * person's choices and every fault. The same seed gives the same plan (its digest says so), and a
 * shorter run for shrinking is a subset of this list.
 */
export interface SimulationOptions {
  seed: number;
  areas: number;
  faults: boolean;
  years: number;
}

export const regions = [
  'north-east', 'north-west', 'yorkshire-and-the-humber', 'east-midlands', 'west-midlands',
  'east-of-england', 'london', 'south-east', 'south-west',
] as const;

/**
 * The order regions receive areas. The simulation's platform seeds no demo areas (whose areas never
 * complete, so their regions were never ready for a learning event), so every region a run uses plays
 * its learning event; the order is kept as it was so that a seed gives the plan it gave before.
 */
const regionOrder: readonly (typeof regions)[number][] = ['east-midlands', 'west-midlands', 'east-of-england', 'london', 'north-east', 'north-west', 'yorkshire-and-the-humber', 'south-east', 'south-west'];

export type Sector = 'local-authority' | 'voluntary-community';
export type ApplyMode = 'form' | 'save-and-return' | 'api';
export type Fault = 'ses-down' | 'ses-slow' | 'ses-refusing' | 'ses-up' | 'restart';

export interface PlannedPerson {
  sector: Sector;
  mode: ApplyMode;
  doubleClick: boolean;
  /** Changes an answer through their own link before applications close. */
  changes: boolean;
  scores: [number, number, number][];
  /** How they answer the evaluation, if selected: on time, late, or never. */
  evaluation: 'prompt' | 'late' | 'never';
  ratings: { materials: string; content: string; facilitation: string };
  /** Nominated by a partner organisation first, and applies through the link the nomination emails. */
  nominated: boolean;
}

export type SessionNumber = 1 | 2;

export type Action =
  | { day: number; kind: 'add-area'; area: number; staff: number; doubleClick: boolean }
  | { day: number; kind: 'apply'; area: number; person: number }
  | { day: number; kind: 'return-to-saved'; area: number; person: number }
  | { day: number; kind: 'change-application'; area: number; person: number }
  | { day: number; kind: 'review'; area: number; twoAtOnce: boolean }
  | { day: number; kind: 'approve'; area: number; race: boolean }
  | { day: number; kind: 'visit-and-schedule'; area: number; doubleClick: boolean }
  | { day: number; kind: 'move-workshop'; area: number; workshop: number; days: number }
  | { day: number; kind: 'attendance'; area: number; workshop: number; absentEvery: number; doubleClick: boolean }
  | { day: number; kind: 'withdraw'; area: number; choice: number }
  | { day: number; kind: 'answer-offers'; area: number; accept: boolean }
  | { day: number; kind: 'evaluate'; area: number; late: boolean }
  | { day: number; kind: 'complete-step'; area: number; step: 'action-plan' | 'progress-reviews' | 'evaluation' }
  | { day: number; kind: 'nominate'; area: number; person: number }
  | { day: number; kind: 'publish-slots'; area: number; session: SessionNumber; days: number[]; doubleClick: boolean }
  | { day: number; kind: 'book-session'; area: number; session: SessionNumber; bothLeads: boolean; sameSlot: boolean; doubleClick: boolean; choice: number }
  | { day: number; kind: 'move-session'; area: number; session: SessionNumber; choice: number }
  | { day: number; kind: 'cancel-session'; area: number; session: SessionNumber; rebook: boolean }
  | { day: number; kind: 'session-held'; area: number; session: SessionNumber }
  | { day: number; kind: 'propose-follow-up'; area: number; days: [number, number]; answerEvery: number }
  | { day: number; kind: 'confirm-follow-up'; area: number; doubleClick: boolean }
  | { day: number; kind: 'learning-event'; area: number; regionId: (typeof regions)[number]; eventDay: number }
  /** A restart `during` 1 (a request) or 2 (a move of the clock) kills the platform `afterMs` into it. */
  | { day: number; kind: 'fault'; fault: Fault; during?: number; afterMs?: number };

export interface PlannedArea {
  index: number;
  regionId: (typeof regions)[number];
  startDay: number;
  closeDays: number;
  people: PlannedPerson[];
  /** Days of the four workshops after any planned move (the schedule is saved on scheduleDay). */
  scheduleDay: number;
  workshopDays: number[];
}

export interface Plan {
  options: SimulationOptions;
  areas: PlannedArea[];
  actions: Action[];
  digest: string;
}

const ratings = ['poor', 'fair', 'good', 'excellent'] as const;
const FIRST_WORKSHOP_AFTER = 14;
const WORKSHOP_INTERVAL = 35;

function planPerson(random: Random, sector: Sector): PlannedPerson {
  return {
    nominated: random.chance(0.15),
    sector,
    mode: random.pick(['form', 'form', 'save-and-return', 'api'] as const),
    doubleClick: random.chance(0.15),
    changes: random.chance(0.2),
    scores: [0, 1].map(() => [random.int(1, 5), random.int(1, 5), random.int(1, 5)] as [number, number, number]),
    evaluation: random.pick(['prompt', 'prompt', 'late', 'never'] as const),
    ratings: { materials: random.pick(ratings), content: random.pick(ratings), facilitation: random.pick(ratings) },
  };
}

function planArea(random: Random, index: number, options: SimulationOptions): { area: PlannedArea; actions: Action[] } {
  const regionId = regionOrder[index % regionOrder.length]!;
  // Regions start in waves across the programme, leaving the last year for the areas to finish.
  const wave = Math.floor(index / regions.length);
  const waves = Math.max(1, Math.ceil(options.areas / regions.length));
  const spread = Math.max(30, (options.years - 1) * 365);
  const startDay = 1 + Math.floor((wave * spread) / waves) + random.int(0, 20);
  const closeDays = random.int(10, 28);
  const sectors: Sector[] = ['local-authority', 'local-authority', 'voluntary-community', 'voluntary-community'];
  for (let extra = random.int(0, 6); extra > 0; extra -= 1) sectors.push(random.pick(['local-authority', 'voluntary-community'] as const));
  const people = random.shuffle(sectors).map((sector) => planPerson(random, sector));
  const actions: Action[] = [{ day: startDay, kind: 'add-area', area: index, staff: random.int(0, 1), doubleClick: random.chance(0.2) }];
  // People apply on a few days of the window, not each on a day of their own: every distinct day is a move of the clock, and the moves are most of a run's time.
  const applyDays = [0, 1, 2].map(() => startDay + random.int(0, closeDays - 2));
  people.forEach((person, p) => {
    const day = random.pick(applyDays);
    if (person.nominated) actions.push({ day, kind: 'nominate', area: index, person: p });
    actions.push({ day, kind: 'apply', area: index, person: p });
    if (person.mode === 'save-and-return') actions.push({ day: day + 1, kind: 'return-to-saved', area: index, person: p });
    if (person.changes) actions.push({ day: day + 1, kind: 'change-application', area: index, person: p });
  });
  const closeDay = startDay + closeDays;
  actions.push({ day: closeDay + 1, kind: 'review', area: index, twoAtOnce: random.chance(0.5) });
  actions.push({ day: closeDay + 2, kind: 'approve', area: index, race: random.chance(0.3) });
  const scheduleDay = closeDay + random.int(4, 20);
  actions.push({ day: scheduleDay, kind: 'visit-and-schedule', area: index, doubleClick: random.chance(0.2) });
  const workshopDays = [0, 1, 2, 3].map((n) => scheduleDay + FIRST_WORKSHOP_AFTER + n * WORKSHOP_INTERVAL);
  if (random.chance(0.5)) {
    // One workshop (2 to 4) moves a week later, ten days before it was due: still four to six weeks from its neighbours.
    const workshop = random.int(2, 4);
    actions.push({ day: workshopDays[workshop - 1]! - 10, kind: 'move-workshop', area: index, workshop, days: 7 });
    workshopDays[workshop - 1]! += 7;
  }
  workshopDays.forEach((day, n) => actions.push({ day: day + 1, kind: 'attendance', area: index, workshop: n + 1, absentEvery: random.int(2, 6), doubleClick: random.chance(0.2) }));
  if (random.chance(0.5)) {
    const day = random.int(workshopDays[0]! + 2, workshopDays[2]! - 2);
    actions.push({ day, kind: 'withdraw', area: index, choice: random.int(0, 99) });
    actions.push({ day: day + random.int(1, 5), kind: 'answer-offers', area: index, accept: random.chance(0.6) });
  }
  const end = workshopDays[3]!;
  actions.push({ day: end + 3, kind: 'evaluate', area: index, late: false });
  actions.push({ day: end + 25, kind: 'evaluate', area: index, late: true });
  actions.push({ day: end + 6, kind: 'complete-step', area: index, step: 'action-plan' });
  actions.push(...planProgressReviews(random.fork('progress-reviews'), index, end));
  // After the follow-up review (end + 57 or + 60); the evaluation closes the area.
  actions.push({ day: end + 62, kind: 'complete-step', area: index, step: 'progress-reviews' });
  actions.push({ day: end + 70, kind: 'complete-step', area: index, step: 'evaluation' });
  return { area: { index, regionId, startDay, closeDays, people, scheduleDay, workshopDays }, actions };
}

/**
 * The progress reviews after the action plan (agreed on end + 6, which sends the leads their links):
 * staff publish slots, the leads book (sometimes both at the same moment, sometimes with a double
 * click), move or cancel and book again; session one is held, session two's slots are four weeks
 * and more after it; then the follow-up review is proposed, answered and confirmed. Most of it falls
 * on days the area already acts on, since every distinct day is a move of the clock.
 */
function planProgressReviews(random: Random, area: number, end: number): Action[] {
  const actions: Action[] = [];
  const session = (n: SessionNumber, from: number, slotDays: number[], changeDay: number, heldDay: number) => {
    actions.push({ day: from, kind: 'publish-slots', area, session: n, days: slotDays, doubleClick: random.chance(0.2) });
    actions.push({ day: from, kind: 'book-session', area, session: n, bothLeads: random.chance(0.5), sameSlot: random.chance(0.5), doubleClick: random.chance(0.25), choice: random.int(0, 99) });
    const change = random.pick(['none', 'move', 'move', 'cancel'] as const);
    if (change === 'move') actions.push({ day: changeDay, kind: 'move-session', area, session: n, choice: random.int(0, 99) });
    if (change === 'cancel') actions.push({ day: changeDay, kind: 'cancel-session', area, session: n, rebook: random.chance(0.8) });
    actions.push({ day: heldDay, kind: 'session-held', area, session: n });
  };
  // A move or a cancellation falls on the day of the booking, later that day: one move of the clock fewer.
  session(1, end + 6, [end + 14, end + 15, end + 16], end + 6, end + 25);
  session(2, end + 25, [end + 46, end + 47, end + 48], end + 25, end + 50);
  actions.push({ day: end + 50, kind: 'propose-follow-up', area, days: [end + 57, end + 60], answerEvery: random.int(2, 5) });
  actions.push({ day: end + 50, kind: 'confirm-follow-up', area, doubleClick: random.chance(0.3) });
  return actions;
}

/**
 * Each region's learning and mentoring event, set once its last area has finished (on the day of its
 * evaluation step, after it), and sometimes corrected to a week later the same day (an update).
 */
function planLearningEvents(random: Random, areas: readonly PlannedArea[]): Action[] {
  const actions: Action[] = [];
  for (const regionId of regions) {
    const inRegion = areas.filter((area) => area.regionId === regionId);
    if (inRegion.length === 0) continue;
    const last = inRegion.reduce((latest, area) => (area.workshopDays[3]! > latest.workshopDays[3]! ? area : latest));
    const day = last.workshopDays[3]! + 70;
    const eventDay = day + random.int(21, 40);
    actions.push({ day, kind: 'learning-event', area: last.index, regionId, eventDay });
    if (random.chance(0.5)) actions.push({ day, kind: 'learning-event', area: last.index, regionId, eventDay: eventDay + 7 });
  }
  return actions;
}

/**
 * Faults between actions: an email endpoint that goes away for a while, slows or refuses, and restarts
 * of the platform. Each falls on the first day something else happens from the day drawn (a fault on a
 * quiet day would only cost a move of the clock), and email comes back on a later such day.
 */
function planFaults(random: Random, days: readonly number[], moments: Random): Action[] {
  const faults: Action[] = [];
  const lastDay = days.at(-1) ?? 0;
  const busyFrom = (day: number) => days.find((busy) => busy >= day) ?? day;
  for (let drawn = random.int(1, 20); drawn < lastDay; drawn += random.int(10, 45)) {
    const day = busyFrom(drawn);
    const fault = random.pick(['ses-down', 'ses-slow', 'ses-refusing', 'restart', 'restart'] as const);
    if (fault === 'restart') {
      const during = random.int(0, 2);
      // How far into the request or the clock's move the kill falls: a request takes tens to hundreds of
      // milliseconds, a move (the workflow's steps, then the timed functions) up to seconds.
      if (during === 0) faults.push({ day, kind: 'fault', fault, during });
      else faults.push({ day, kind: 'fault', fault, during, afterMs: during === 1 ? moments.int(0, 250) : moments.int(0, 1500) });
    } else {
      faults.push({ day, kind: 'fault', fault });
      faults.push({ day: busyFrom(day + random.int(1, 4)), kind: 'fault', fault: 'ses-up' });
    }
  }
  return faults;
}

export function makePlan(options: SimulationOptions): Plan {
  const random = seededRandom(options.seed);
  const areas: PlannedArea[] = [];
  const actions: Action[] = [];
  for (let index = 0; index < options.areas; index += 1) {
    const planned = planArea(random.fork(`area-${index}`), index, options);
    areas.push(planned.area);
    actions.push(...planned.actions);
  }
  actions.push(...planLearningEvents(random.fork('learning-events'), areas));
  const days = [...new Set(actions.map((action) => action.day))].sort((a, b) => a - b);
  // The kills' moments from a generator of their own, so the faults drawn stay those of a seed before.
  if (options.faults) actions.push(...planFaults(random.fork('faults'), days, random.fork('kill-moments')));
  // Stable: actions of one day keep the order they were drawn in.
  actions.sort((a, b) => a.day - b.day);
  return { options, areas, actions, digest: digestOf(areas, actions) };
}

export function digestOf(areas: readonly PlannedArea[], actions: readonly Action[]): string {
  return hashText(JSON.stringify({ areas, actions })).toString(16).padStart(8, '0');
}

/** A smaller plan: only the areas kept, and of the actions only those chosen (for shrinking a failing run). */
export function subsetOf(plan: Plan, keepArea: (area: number) => boolean, keepAction: (action: Action, position: number) => boolean = () => true): Plan {
  const areas = plan.areas.filter((area) => keepArea(area.index));
  const actions = plan.actions.filter((action, position) => ('area' in action ? keepArea(action.area) : true) && keepAction(action, position));
  return { ...plan, areas, actions, digest: digestOf(areas, actions) };
}

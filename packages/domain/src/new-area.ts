import { applicationsBySector, type Application } from './application';
import { areaStage, recruitmentState, type Area, type RecruitmentWindow } from './area';
import type { AreaSelection } from './area-selection';
import { regionComplete, type AreaProgress } from './area-stages';
import { WEEK } from './durations';
import { ConflictError, ValidationError, type FieldError } from './errors';
import { regionIds, regions, type RegionId } from './regions';
import type { Sector } from './selection';
import { dateProblem, formatUkDateTime, isClockTime, ukInstantFrom } from './uk-time';

/** A moment as a form gives it: a UK date (YYYY-MM-DD) and a UK time of day (HH:MM). */
export interface UkDateTimeInput {
  date: string | undefined;
  time: string | undefined;
}

export interface NewAreaInput {
  name: string;
  regionId: string;
  opens: UkDateTimeInput;
  closes: UkDateTimeInput;
}


/** The area's id in addresses: its name in lower case, words joined by hyphens. */
export function areaIdFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

/**
 * A new area and its recruitment window, or what is wrong with them: a name, one of the nine
 * regions, and a window of at least a week that has not already ended.
 */
export function newArea(input: NewAreaInput, now: Date): { area?: Area; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const name = input.name.trim().replace(/\s+/gu, ' ');
  if (!name) problems.push({ field: 'name', message: 'Enter the name of the area' });
  else if (name.length > 100 || !areaIdFrom(name)) problems.push({ field: 'name', message: 'Enter a name of up to 100 letters and numbers' });
  const regionId = regionIds.find((id) => id === input.regionId);
  if (!regionId) problems.push({ field: 'regionId', message: 'Select the region' });
  const window = recruitmentWindow(moment(input.opens, 'opens', 'open', problems), moment(input.closes, 'closes', 'close', problems), now, problems);
  if (problems.length > 0 || !window) return { problems };
  return { area: { areaId: areaIdFrom(name), name, regionId: regionId as RegionId, recruitment: window }, problems };
}

/** The window two moments make, if it is at least a week long and has not already ended; otherwise its problems are added. */
function recruitmentWindow(opensAt: Date | undefined, closesAt: Date | undefined, now: Date, problems: FieldError[]): RecruitmentWindow | undefined {
  if (!opensAt || !closesAt) return undefined;
  if (closesAt.getTime() - opensAt.getTime() < WEEK) problems.push({ field: 'closes-date', message: 'Applications must be open for at least a week' });
  else if (closesAt.getTime() <= now.getTime()) problems.push({ field: 'closes-date', message: 'The closing date must be in the future' });
  return { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
}

/** Once applications have closed, the window is part of the record. */
export class RecruitmentClosedError extends ConflictError {
  constructor(area: Area) {
    const closedAt = formatUkDateTime(area.recruitment.closesAt);
    super(`Applications for ${area.name} closed at ${closedAt}: the recruitment window can no longer be changed.`, 'main-content');
  }
}

/**
 * The area's recruitment window as staff changed it, by the rules of a new area's window. Before
 * applications open both dates may move; once open, only the close (applications already made stay
 * as they are); once closed, nothing. What needs correcting is a ValidationError.
 */
export function changedRecruitmentWindow(area: Area, input: { opens: UkDateTimeInput; closes: UkDateTimeInput }, now: Date): RecruitmentWindow {
  const state = recruitmentState(area, now);
  if (state === 'closed') throw new RecruitmentClosedError(area);
  const problems: FieldError[] = [];
  const opensAt = state === 'open' ? new Date(area.recruitment.opensAt) : moment(input.opens, 'opens', 'open', problems);
  const window = recruitmentWindow(opensAt, moment(input.closes, 'closes', 'close', problems), now, problems);
  if (problems.length > 0 || !window) throw new ValidationError(problems);
  return window;
}

/** The audit log's line for a changed window. */
export function windowChangedSummary(area: Area, window: RecruitmentWindow): string {
  const span = ({ opensAt, closesAt }: RecruitmentWindow) => `${formatUkDateTime(opensAt)} to ${formatUkDateTime(closesAt)}`;
  return `Applications for ${area.name} now open from ${span(window)}; they were to open from ${span(area.recruitment)}.`;
}

/** The instant applications open or close, or the problems with its date and time, by field. */
function moment(input: UkDateTimeInput, prefix: 'opens' | 'closes', verb: 'open' | 'close', problems: FieldError[]): Date | undefined {
  const date = dateProblem(input.date, `the date applications ${verb}`);
  if (date) problems.push({ field: `${prefix}-date`, message: date });
  if (!isClockTime((input.time ?? '').trim())) problems.push({ field: `${prefix}-time`, message: `Enter the time applications ${verb}, like 09:00` });
  return ukInstantFrom(input.date, input.time);
}

/** The audit log's line for a new area. */
export function areaAddedSummary(area: Area): string {
  return `${area.name} added, with applications open from ${formatUkDateTime(area.recruitment.opensAt)} to ${formatUkDateTime(area.recruitment.closesAt)}.`;
}

/** Why an area cannot be added twice: its name, or the address made from it, is taken. */
export function areaExistsProblem(area: Area): FieldError {
  return { field: 'name', message: `An area called ${area.name} (or with the address ${area.areaId}) already exists` };
}

/** What staff see of one area in the programme overview. */
export interface AreaOverview {
  area: Area;
  stage: string;
  counts: Record<Sector, number>;
  /** The area's workflow stopped on an error and waits for staff to resume it. */
  stopped: boolean;
}

export interface RegionOverview {
  regionId: RegionId;
  name: string;
  /** Every area of the region is complete: it is ready for its learning and mentoring event. */
  ready: boolean;
  areas: AreaOverview[];
}

/** What is known of one area, for the overview. */
export interface AreaStanding {
  area: Area;
  applications: readonly Application[];
  selection?: AreaSelection;
  progress?: AreaProgress;
}

/** The programme region by region, in delivery order: each area's stage and applications, and which regions are ready. */
export function overviewByRegion(standings: readonly AreaStanding[], now: Date): RegionOverview[] {
  return regions.map((region) => {
    const ofRegion = standings.filter((standing) => standing.area.regionId === region.regionId);
    return {
      regionId: region.regionId,
      name: region.name,
      ready: regionComplete(ofRegion.map((standing) => standing.progress)),
      areas: ofRegion.map(({ area, applications, selection, progress }) => ({
        area,
        stage: areaStage(area, selection?.status, now, progress),
        counts: applicationsBySector(applications),
        stopped: progress?.failure !== undefined,
      })),
    };
  });
}

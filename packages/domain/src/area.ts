import { DAY, HOUR } from './durations';
import { ConflictError } from './errors';
import { formatUkDateTime } from './uk-time';
import { areaStages, type AreaProgress } from './area-stages';
import type { RegionId } from './regions';
import { regions } from './regions';

/** One top-tier local authority area taking part in the programme. */
export interface Area {
  areaId: string;
  name: string;
  regionId: RegionId;
  recruitment: RecruitmentWindow;
}

/** ISO 8601 instants; applications are accepted from opensAt up to, not including, closesAt. */
export interface RecruitmentWindow {
  opensAt: string;
  closesAt: string;
}

/** The UK times of day applications open and close unless staff say otherwise: the start and end of a working day. */
export const recruitmentDefaults = { opensAtTime: '09:00', closesAtTime: '17:00' } as const;

export type RecruitmentState = 'not-open-yet' | 'open' | 'closed';

export function recruitmentState(area: Area, now: Date): RecruitmentState {
  const time = now.getTime();
  if (time < Date.parse(area.recruitment.opensAt)) return 'not-open-yet';
  if (time >= Date.parse(area.recruitment.closesAt)) return 'closed';
  return 'open';
}

export const recruitmentRules = {
  /**
   * How often the area's workflow looks at the window again while applications are open, so that
   * a close staff move earlier is followed within this time (and one moved later, at the old close).
   */
  lookAgainEvery: HOUR,
} as const;

/** When the workflow should next look at the area's window: when it closes, or sooner. */
export function nextRecruitmentCheck(area: Area, now: Date): string {
  return new Date(Math.min(Date.parse(area.recruitment.closesAt), now.getTime() + recruitmentRules.lookAgainEvery)).toISOString();
}

/** Applicants hear the outcome within three weeks of the window closing. */
const OUTCOME_DAYS_AFTER_CLOSE = 21;

export function outcomeDueBy(area: Area): Date {
  const closes = new Date(area.recruitment.closesAt);
  return new Date(closes.getTime() + OUTCOME_DAYS_AFTER_CLOSE * DAY);
}

export interface RegionWithOpenAreas {
  regionId: RegionId;
  name: string;
  areas: Area[];
}

/** Areas open for applications now, grouped by region in delivery order; empty regions are left out. */
export function openAreasByRegion(areas: readonly Area[], now: Date): RegionWithOpenAreas[] {
  const open = areas.filter((area) => recruitmentState(area, now) === 'open');
  return regions
    .map((region) => ({
      regionId: region.regionId,
      name: region.name,
      areas: open
        .filter((area) => area.regionId === region.regionId)
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    }))
    .filter((region) => region.areas.length > 0);
}

/** Where an area stands, in the words staff use: the workflow's stage once it has moved past selection. */
export function areaStage(area: Area, selectionStatus: 'draft' | 'approved' | undefined, now: Date, progress?: AreaProgress): string {
  if (progress && !['recruitment', 'selection'].includes(progress.stage)) return areaStages[progress.stage];
  if (selectionStatus === 'approved') return 'Selection approved';
  const state = recruitmentState(area, now);
  if (state === 'not-open-yet') return 'Recruitment not open yet';
  if (state === 'open') return 'Recruitment open';
  return 'Selection';
}

/** Applications are not open for the area: they have closed, or not opened yet. */
export class RecruitmentNotOpenError extends ConflictError {
  constructor(
    readonly area: Area,
    readonly state: Exclude<RecruitmentState, 'open'>,
  ) {
    super(
      state === 'closed'
        ? `Applications for ${area.name} closed at ${formatUkDateTime(area.recruitment.closesAt)}.`
        : `Applications for ${area.name} open at ${formatUkDateTime(area.recruitment.opensAt)}.`,
    );
  }
}

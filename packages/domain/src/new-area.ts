import type { Area } from './area';
import { DAY } from './durations';
import type { FieldError } from './errors';
import { regionIds, type RegionId } from './regions';
import { dateProblem, isClockTime, ukInstantFrom } from './uk-time';

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
  const opensAt = moment(input.opens, 'opens', 'open', problems);
  const closesAt = moment(input.closes, 'closes', 'close', problems);
  if (opensAt && closesAt) {
    if (closesAt.getTime() - opensAt.getTime() < 7 * DAY) problems.push({ field: 'closes-date', message: 'Applications must be open for at least a week' });
    else if (closesAt.getTime() <= now.getTime()) problems.push({ field: 'closes-date', message: 'The closing date must be in the future' });
  }
  if (problems.length > 0 || !opensAt || !closesAt) return { problems };
  return {
    area: { areaId: areaIdFrom(name), name, regionId: regionId as RegionId, recruitment: { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() } },
    problems,
  };
}

/** The instant applications open or close, or the problems with its date and time, by field. */
function moment(input: UkDateTimeInput, prefix: 'opens' | 'closes', verb: 'open' | 'close', problems: FieldError[]): Date | undefined {
  const date = dateProblem(input.date, `the date applications ${verb}`);
  if (date) problems.push({ field: `${prefix}-date`, message: date });
  if (!isClockTime((input.time ?? '').trim())) problems.push({ field: `${prefix}-time`, message: `Enter the time applications ${verb}, like 09:00` });
  return ukInstantFrom(input.date, input.time);
}

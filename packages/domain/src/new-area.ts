import type { Area } from './area';
import type { FieldError } from './errors';
import { regionIds, type RegionId } from './regions';

export interface NewAreaInput {
  name: string;
  regionId: string;
  opensAt: Date | undefined;
  closesAt: Date | undefined;
}

const DAY = 24 * 60 * 60 * 1000;

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
  if (!input.opensAt) problems.push({ field: 'opens-date', message: 'Enter when applications open' });
  if (!input.closesAt) problems.push({ field: 'closes-date', message: 'Enter when applications close' });
  if (input.opensAt && input.closesAt) {
    if (input.closesAt.getTime() - input.opensAt.getTime() < 7 * DAY) problems.push({ field: 'closes-date', message: 'Applications must be open for at least a week' });
    else if (input.closesAt.getTime() <= now.getTime()) problems.push({ field: 'closes-date', message: 'The closing date must be in the future' });
  }
  if (problems.length > 0) return { problems };
  return {
    area: { areaId: areaIdFrom(name), name, regionId: regionId as RegionId, recruitment: { opensAt: input.opensAt!.toISOString(), closesAt: input.closesAt!.toISOString() } },
    problems,
  };
}

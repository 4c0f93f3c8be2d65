import { fromUkLocalTime, ukDateOf, type Area, type RegionId } from '@pip/domain';
import type { DynamoAreaStore, DynamoRegionStore } from '@pip/storage';

const DAY = 24 * 60 * 60 * 1000;

/** A recruitment window of UK dates, opening at 9am and closing at 5pm, relative to `now`. */
function window(now: Date, opensInDays: number, closesInDays: number): Area['recruitment'] {
  const at = (days: number, time: string) => fromUkLocalTime(ukDateOf(new Date(now.getTime() + days * DAY)), time).toISOString();
  return { opensAt: at(opensInDays, '09:00'), closesAt: at(closesInDays, '17:00') };
}

function demoArea(areaId: string, name: string, regionId: RegionId, recruitment: Area['recruitment']): Area {
  return { areaId, name, regionId, recruitment };
}

/** Demo areas, their windows set around the day of first seeding: two open, one closed, two to come. */
export function demoAreas(now: Date): Area[] {
  return [
    demoArea('northumberland', 'Northumberland', 'north-east', window(now, -7, 35)),
    demoArea('leeds', 'Leeds', 'yorkshire-and-the-humber', window(now, -3, 42)),
    demoArea('cumbria', 'Cumbria', 'north-west', window(now, -60, -10)),
    demoArea('kent', 'Kent', 'south-east', window(now, 30, 72)),
    demoArea('devon', 'Devon', 'south-west', window(now, 60, 102)),
  ];
}

/** Idempotent: what exists is kept, so restarts never move a window or duplicate an area. */
export async function seedDemoProgramme(
  stores: { regions: DynamoRegionStore; areas: DynamoAreaStore },
  now: Date,
): Promise<{ regionsAdded: number; areasAdded: number }> {
  const regionsAdded = await stores.regions.addAll();
  let areasAdded = 0;
  for (const area of demoAreas(now)) {
    if (await stores.areas.add(area)) areasAdded += 1;
  }
  return { regionsAdded, areasAdded };
}

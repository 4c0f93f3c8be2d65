import { randomUUID } from 'node:crypto';
import { DAY, WEEK, areaAddedSummary, fromUkLocalTime, recruitmentDefaults, ukDateOf, type Area, type AreaStore, type RegionId } from '@pip/domain';

/** A recruitment window of UK dates relative to `now`, opening and closing at the times staff get by default. */
function window(now: Date, opensInDays: number, closesInDays: number): Area['recruitment'] {
  const at = (days: number, time: string) => fromUkLocalTime(ukDateOf(new Date(now.getTime() + days * DAY)), time).toISOString();
  return { opensAt: at(opensInDays, recruitmentDefaults.opensAtTime), closesAt: at(closesInDays, recruitmentDefaults.closesAtTime) };
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
export async function seedDemoProgramme(areas: AreaStore, now: Date): Promise<{ areasAdded: number }> {
  let areasAdded = 0;
  for (const area of demoAreas(now)) {
    // Added a week before its window opened, as staff would, so the log reads in the order things happened.
    const at = new Date(Math.min(now.getTime(), Date.parse(area.recruitment.opensAt) - WEEK)).toISOString();
    const audit = { areaId: area.areaId, entryId: randomUUID(), at, actor: { name: 'Demo set-up' }, action: 'Area added', summary: areaAddedSummary(area), after: area };
    if (await areas.add(area, audit)) areasAdded += 1;
  }
  return { areasAdded };
}

import type { Area, Ports } from '@pip/domain';

/**
 * How long a container trusts an area as it read it. A Lambda container lives minutes, so this
 * bounds little more than memory: a submission's transaction checks the window it relied on against
 * the area item, and an area that would refuse is read again before refusing.
 */
export const AREA_KEPT_MS = 60_000;

interface Kept {
  area: Area;
  until: number;
}

/** Per area store, so each container (and each local platform in one process) keeps its own. */
const keptBy = new WeakMap<object, Map<string, Kept>>();

function keptFor(areas: object): Map<string, Kept> {
  let kept = keptBy.get(areas);
  if (!kept) keptBy.set(areas, (kept = new Map()));
  return kept;
}

/** The area as this container read it within the last minute, or read now (NotFoundError if none). */
export async function recentlyReadArea(ports: Pick<Ports, 'areas'>, areaId: string): Promise<Area> {
  const kept = keptFor(ports.areas).get(areaId);
  if (kept && kept.until > Date.now()) return kept.area;
  return freshlyReadArea(ports, areaId);
}

/** The area read now, kept for the next requests. */
export async function freshlyReadArea(ports: Pick<Ports, 'areas'>, areaId: string): Promise<Area> {
  const area = await ports.areas.existing(areaId);
  keptFor(ports.areas).set(areaId, { area, until: Date.now() + AREA_KEPT_MS });
  return area;
}

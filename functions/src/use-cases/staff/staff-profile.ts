import { regions, type Area, type Ports, type StaffConnections } from '@pip/domain';

/** The platform's areas under their region, in the order of the programme's regions; regions without areas left out. */
export interface AreasByRegion {
  regionId: string;
  name: string;
  areas: Area[];
}

/** What the profile page shows: what the member of staff recorded (if anything), and every area they may say they are connected to. */
export interface StaffProfileView {
  connections?: StaffConnections;
  regions: AreasByRegion[];
}

export async function staffProfile(ports: Pick<Ports, 'staffConnections' | 'areas'>, staffId: string): Promise<StaffProfileView> {
  const [connections, areas] = await Promise.all([ports.staffConnections.get(staffId), ports.areas.list()]);
  return {
    ...(connections ? { connections } : {}),
    regions: regions
      .map((region) => ({
        regionId: region.regionId,
        name: region.name,
        areas: areas.filter((area) => area.regionId === region.regionId).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
      }))
      .filter((region) => region.areas.length > 0),
  };
}

import { recruitmentState, type Area, type Ports, type RecruitmentState } from '@pip/domain';

/** The area a person wants to apply to (or nominate for), and whether its applications are open now. */
export async function applicationWindow(ports: Pick<Ports, 'areas' | 'clock'>, areaId: string): Promise<{ area: Area; state: RecruitmentState }> {
  const area = await ports.areas.existing(areaId);
  return { area, state: recruitmentState(area, ports.clock.now()) };
}

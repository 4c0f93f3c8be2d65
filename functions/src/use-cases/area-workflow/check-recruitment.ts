import { nextRecruitmentCheck, recruitmentState, type Ports, type WorkflowState } from '@pip/domain';

/**
 * Whether applications have closed, read afresh from the area each time: staff may move the close
 * earlier or later while they are open. If not, when to look again.
 */
export async function checkRecruitment(ports: Pick<Ports, 'areas' | 'clock'>, state: WorkflowState): Promise<WorkflowState> {
  const area = await ports.areas.existing(state.areaId);
  const now = ports.clock.now();
  return {
    ...state,
    recruitmentClosesAt: area.recruitment.closesAt,
    recruitmentOver: recruitmentState(area, now) === 'closed',
    recruitmentCheckAt: nextRecruitmentCheck(area, now),
  };
}

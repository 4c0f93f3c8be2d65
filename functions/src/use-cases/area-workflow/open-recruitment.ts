import { nextRecruitmentCheck, type Ports, type WorkflowState } from '@pip/domain';
import { recordStageEntered } from './enter-stage';

/** The workflow's first step: the area is open for applications, and waits for the window to close. */
export async function openRecruitment(ports: Pick<Ports, 'areas' | 'progress' | 'clock' | 'audit'>, state: WorkflowState): Promise<WorkflowState> {
  const area = await ports.areas.existing(state.areaId);
  await recordStageEntered(ports, area.areaId, 'recruitment', 'Recruitment opened', area.recruitment.opensAt);
  return { areaId: area.areaId, recruitmentClosesAt: area.recruitment.closesAt, recruitmentCheckAt: nextRecruitmentCheck(area, ports.clock.now()) };
}
